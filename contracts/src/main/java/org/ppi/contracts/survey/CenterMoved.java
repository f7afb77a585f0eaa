package org.ppi.contracts.survey;

/** A center moved to another ámbito or parent center. */
public record CenterMoved(String institutionId, String actingUser, String centerId, String scopeId, String parentCenterId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return centerId;
    }
}
