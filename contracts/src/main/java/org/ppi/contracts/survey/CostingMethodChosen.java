package org.ppi.contracts.survey;

/** The institution switched how hours are priced; every figure is recomputed. */
public record CostingMethodChosen(String institutionId, String actingUser, CostingMethod costingMethod) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
