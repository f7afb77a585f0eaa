package org.ppi.contracts.survey;

/** A production center was renamed. */
public record CenterRenamed(String institutionId, String actingUser, String centerId, String name) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
