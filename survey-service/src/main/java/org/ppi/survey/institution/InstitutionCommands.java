package org.ppi.survey.institution;

import java.math.BigDecimal;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ppi.contracts.survey.CostingMethod;

/** Commands of the Institution aggregate (the tenant). */
public final class InstitutionCommands {
    private InstitutionCommands() {
    }

    public record RegisterInstitution(@TargetAggregateIdentifier String institutionId, String actingUser, String name,
                                      String country, String currency, int fiscalYear, BigDecimal weeklyHours,
                                      CostingMethod costingMethod) {
    }

    public record ChooseCostingMethod(@TargetAggregateIdentifier String institutionId, String actingUser,
                                      CostingMethod costingMethod) {
    }

    public record DefineScope(@TargetAggregateIdentifier String institutionId, String actingUser, String scopeId,
                              String name) {
    }
}
