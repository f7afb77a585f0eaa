package org.ppi.survey.center;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.survey.CenterArea;

/** Commands of the ProductionCenter aggregate. */
public final class CenterCommands {
    private CenterCommands() {
    }

    public record RegisterCenter(@TargetAggregateIdentifier String centerId, String institutionId, String actingUser,
                                 String name, String scopeId, CenterArea area, String function, String organization,
                                 String manager, String parentCenterId) {
    }

    public record RenameCenter(@TargetAggregateIdentifier String centerId, String institutionId, String actingUser,
                               String name) {
    }

    /** Replaces area, function, organization and manager. */
    public record ReviseCenterProfile(@TargetAggregateIdentifier String centerId, String institutionId,
                                      String actingUser, CenterArea area, String function, String organization,
                                      String manager) {
    }

    /** The complete new placement: null scope = no ámbito, null parent = a top-level center. */
    public record MoveCenter(@TargetAggregateIdentifier String centerId, String institutionId, String actingUser,
                             String scopeId, String parentCenterId) {
    }

    public record CloseCenter(@TargetAggregateIdentifier String centerId, String institutionId, String actingUser,
                              LocalDate effectiveDate, String reason) {
    }

    public record RecordNonLabourCost(@TargetAggregateIdentifier String centerId, String institutionId,
                                      String actingUser, BigDecimal amount, String note) {
    }
}
