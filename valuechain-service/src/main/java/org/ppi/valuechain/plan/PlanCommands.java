package org.ppi.valuechain.plan;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Commands of the strategic plan: impacts and the results that contribute to them. */
public final class PlanCommands {
    private PlanCommands() {
    }

    public record DefineImpact(@TargetAggregateIdentifier String impactId, String institutionId, String actingUser,
                               String name, String description, String indicator) {
    }

    public record DefineResult(@TargetAggregateIdentifier String resultId, String institutionId, String actingUser,
                               String impactId, String name, String description, String indicator) {
    }
}
