package org.ppi.contracts.survey;

/** An ámbito was renamed. */
public record ScopeRenamed(String institutionId, String actingUser, String scopeId, String name) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return institutionId;
    }
}
