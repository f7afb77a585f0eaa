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

    /** Replaces name, country, currency and fiscal year; weekly hours stay as they are when null. */
    public record ReviseInstitutionDetails(@TargetAggregateIdentifier String institutionId, String actingUser,
                                           String name, String country, String currency, int fiscalYear,
                                           BigDecimal weeklyHours) {
    }

    public record ChooseCostingMethod(@TargetAggregateIdentifier String institutionId, String actingUser,
                                      CostingMethod costingMethod) {
    }

    public record DefineScope(@TargetAggregateIdentifier String institutionId, String actingUser, String scopeId,
                              String name) {
    }

    public record RenameScope(@TargetAggregateIdentifier String institutionId, String actingUser, String scopeId,
                              String name) {
    }
}
