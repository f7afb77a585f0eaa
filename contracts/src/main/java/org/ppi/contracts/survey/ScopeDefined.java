package org.ppi.contracts.survey;

/** An ámbito (group of centers) was defined. */
public record ScopeDefined(String institutionId, String actingUser, String scopeId, String name) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
