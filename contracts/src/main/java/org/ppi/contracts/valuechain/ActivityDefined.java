package org.ppi.contracts.valuechain;

/** A sub-program or activity of a program; an activity produces one product. */
public record ActivityDefined(String institutionId, String actingUser, String programId, String activityId, String name, ActivityKind kind, String productId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return programId;
    }
}
