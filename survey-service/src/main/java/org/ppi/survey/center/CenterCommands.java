package org.ppi.survey.center;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the ProductionCenter aggregate. */
public final class CenterCommands {
    private CenterCommands() {
    }

    public record RegisterCenter(String centerId, String institutionId, String actingUser,
                                 String name, String scopeId, CenterArea area, String function, String organization,
                                 String manager, String parentCenterId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }

    public record RenameCenter(String centerId, String institutionId, String actingUser,
                               String name) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }

    /** Replaces area, function, organization and manager. */
    public record ReviseCenterProfile(String centerId, String institutionId,
                                      String actingUser, CenterArea area, String function, String organization,
                                      String manager) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }

    /** The complete new placement: null scope = no ámbito, null parent = a top-level center. */
    public record MoveCenter(String centerId, String institutionId, String actingUser,
                             String scopeId, String parentCenterId) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }

    public record CloseCenter(String centerId, String institutionId, String actingUser,
                              LocalDate effectiveDate, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }

    public record RecordNonLabourCost(String centerId, String institutionId,
                                      String actingUser, BigDecimal amount, String note) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, centerId);
        }
    }
}
