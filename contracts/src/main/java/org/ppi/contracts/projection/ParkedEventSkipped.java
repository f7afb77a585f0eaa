package org.ppi.contracts.projection;

/** An operator skipped a parked event for good, with the reason recorded: it is never applied (later replays honour it); the events behind it stay parked until retried. actingUser is the operator. Published on ppi.<projection>.audit. */
public record ParkedEventSkipped(String institutionId, String actingUser, String projection, String eventId, String eventType, String reason, java.time.Instant skippedAt) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return eventId;
    }
}
