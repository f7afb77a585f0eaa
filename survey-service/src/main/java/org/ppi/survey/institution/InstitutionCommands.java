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
                                      CostingMethod costingMethod, Integer fiscalYearStartMonth) {
        public RegisterInstitution(String institutionId, String actingUser, String name, String country, String currency,
                                   int fiscalYear, BigDecimal weeklyHours, CostingMethod costingMethod) {
            this(institutionId, actingUser, name, country, currency, fiscalYear, weeklyHours, costingMethod, null);
        }
    }

    /** Replaces name, country, currency and fiscal year; weekly hours and start month stay as they are when null. */
    public record ReviseInstitutionDetails(@TargetAggregateIdentifier String institutionId, String actingUser,
                                           String name, String country, String currency, int fiscalYear,
                                           BigDecimal weeklyHours, Integer fiscalYearStartMonth) {
        public ReviseInstitutionDetails(String institutionId, String actingUser, String name, String country,
                                        String currency, int fiscalYear, BigDecimal weeklyHours) {
            this(institutionId, actingUser, name, country, currency, fiscalYear, weeklyHours, null);
        }
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
