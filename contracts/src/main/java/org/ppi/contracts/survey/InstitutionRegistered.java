package org.ppi.contracts.survey;

/** An institution (tenant) joined the platform. */
public record InstitutionRegistered(String institutionId, String actingUser, String name, String country, String currency, int fiscalYear, java.math.BigDecimal weeklyHours, CostingMethod costingMethod) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
