package org.ppi.valuechain.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.platform.tenancy.ScopedId;

/** Commands of the strategic plan: impacts and the results that contribute to them. */
public final class PlanCommands {
    private PlanCommands() {
    }

    public record DefineImpact(String impactId, String institutionId, String actingUser,
                               String name, String description, String indicator) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, impactId);
        }
    }

    public record DefineResult(String resultId, String institutionId, String actingUser,
                               String impactId, String name, String description, String indicator) {
        @TargetAggregateIdentifier
        public String aggregateId() {
            return ScopedId.of(institutionId, resultId);
        }
    }
}
