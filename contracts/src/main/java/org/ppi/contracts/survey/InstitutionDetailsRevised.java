package org.ppi.contracts.survey;

/** Name, country, currency, fiscal year (and its start month; null = January) or standard weekly hours corrected. */
public record InstitutionDetailsRevised(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours, Integer fiscalYearStartMonth) implements org.ppi.contracts.PpiEvent {
    /** A calendar fiscal year (January). */
    public InstitutionDetailsRevised(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours) {
        this(institutionId, actingUser, name, country, currency, fiscalYear, weeklyHours, null);
    }

    @Override
    public String aggregateId() {
        return institutionId;
    }
}
