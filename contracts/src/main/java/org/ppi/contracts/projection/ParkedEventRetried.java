package org.ppi.contracts.projection;

/** An operator applied a parked event again (its institution's parked events are retried in order, all or nothing): it is now part of the figures. actingUser is the operator. Published on ppi.<projection>.audit. */
public record ParkedEventRetried(String institutionId, String actingUser, String projection, String eventId, String eventType, java.time.Instant retriedAt) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return eventId;
    }
}
