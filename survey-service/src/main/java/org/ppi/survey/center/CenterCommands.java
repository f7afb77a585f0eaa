package org.ppi.survey.center;

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
}
