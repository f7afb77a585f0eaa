package org.ppi.contracts.survey;

/**
 * An institution (tenant) joined the platform. {@code fiscalYearStartMonth} (1–12; null = January): fiscal year N
 * begins on the first day of that month of calendar year N.
 */
public record InstitutionRegistered(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours, CostingMethod costingMethod, Integer fiscalYearStartMonth) implements org.ppi.contracts.PpiEvent {
    /** A calendar fiscal year (January), as every institution had before the start month was recorded. */
    public InstitutionRegistered(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours, CostingMethod costingMethod) {
        this(institutionId, actingUser, name, country, currency, fiscalYear, weeklyHours, costingMethod, null);
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }
}
