package org.ppi.contracts.survey;

/** Name, country, currency, fiscal year or standard weekly hours corrected. */
public record InstitutionDetailsRevised(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
