package org.ppi.contracts.valuechain;

/** An impact of the strategic plan. */
public record ImpactDefined(String institutionId, String actingUser, String impactId, String name, String description, String indicator) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return impactId;
    }
}
