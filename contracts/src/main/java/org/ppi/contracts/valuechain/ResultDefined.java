package org.ppi.contracts.valuechain;

/** A result of the strategic plan, contributing to an impact. */
public record ResultDefined(String institutionId, String actingUser, String resultId, String impactId, String name, String description, String indicator) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return resultId;
    }
}
