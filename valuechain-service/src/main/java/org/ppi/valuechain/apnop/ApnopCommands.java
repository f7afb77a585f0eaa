package org.ppi.valuechain.apnop;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the {@link ApnopLine} aggregate. */
public final class ApnopCommands {
    private ApnopCommands() {
    }

    public record RecordApnopLine(String lineId, String institutionId, String actingUser, Integer fiscalYear,
                                  String name, ApnopKind kind, BigDecimal amount) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, lineId);
        }
    }

    /** The line's complete new values and why. */
    public record CorrectApnopLine(String lineId, String institutionId, String actingUser, Integer fiscalYear,
                                   String name, ApnopKind kind, BigDecimal amount, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, lineId);
        }
    }

    public record RemoveApnopLine(String lineId, String institutionId, String actingUser, String reason) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, lineId);
        }
    }
}
