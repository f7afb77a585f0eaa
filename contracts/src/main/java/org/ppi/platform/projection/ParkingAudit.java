package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.projection.ParkedEventRetried;
import org.ppi.contracts.projection.ParkedEventSkipped;
import org.ppi.contracts.projection.ProjectionEventParked;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * Parking, an operator's retry and an operator's skip, each as an event ({@code org.ppi.contracts.projection}) on
 * the projection's audit topic ({@code ppi.<projection>.audit}), written to the outbox in the same transaction as the
 * change of the parked row. Not on {@code ppi.<projection>.events}: budget projects costing's topic and would park
 * a type it does not fold; the audit topic is consumed by no projection, only read by people and tools. Each event
 * is keyed by the parked event's id, so what happened to one event reads in order.
 */
public class ParkingAudit {
    private final Outbox outbox;
    private final String projection;
    private final String topic;

    public ParkingAudit(Outbox outbox, String projection, String topic) {
        this.outbox = outbox;
        this.projection = projection;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** The projection itself parked it: its acting user names the projection. */
    public void parked(CloudEventReader.Delivery delivery, String institutionId, String reason, String blockedBy,
                       Instant at) {
        EventEnvelope e = delivery.event();
        add(new ProjectionEventParked(institutionId == null ? "" : institutionId, "projection:" + projection, projection, e.id(), e.type(), e.topic(),
                delivery.partition(), delivery.offset(), reason, blockedBy, at), e, at);
    }

    public void resolved(ParkedEvents.Parked parked, String resolution, String user, String reason, Instant at) {
        PpiEvent event = ParkedEvents.SKIPPED.equals(resolution)
                ? new ParkedEventSkipped(institutionOf(parked), user, projection, parked.eventId(), parked.type(), reason, at)
                : new ParkedEventRetried(institutionOf(parked), user, projection, parked.eventId(), parked.type(), at);
        String seed = projection + "|" + event.getClass().getSimpleName() + "|" + parked.id() + "|" + at;
        outbox.addTo(topic, event, UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(),
                parked.eventId(), parked.eventId(), at);
    }

    /** "" for an event that names no institution (it stops none). */
    private static String institutionOf(ParkedEvents.Parked parked) {
        return parked.institutionId() == null ? "" : parked.institutionId();
    }

    private void add(PpiEvent event, EventEnvelope cause, Instant at) {
        String seed = projection + "|" + event.getClass().getSimpleName() + "|" + cause.id() + "|" + at;
        outbox.addTo(topic, event, UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(), cause.id(),
                cause.correlationId() != null ? cause.correlationId() : cause.id(), at);
    }
}
