package org.ppi.contracts.projection;

/** A projection (costing, budget) parked an event it could not apply (reason), or one of the same institution that waits behind a parked one (blockedBy); the institution's figures stay as they were, marked stale, until an operator retries or skips it. Published on ppi.<projection>.audit, which no projection consumes; the record itself goes to ppi.<projection>.deadletter. actingUser is the projection (projection:costing). */
public record ProjectionEventParked(String institutionId, String actingUser, String projection, String eventId, String eventType, String topic, Integer partition, Long offset, String reason, String blockedBy, java.time.Instant parkedAt) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return eventId;
    }
}
