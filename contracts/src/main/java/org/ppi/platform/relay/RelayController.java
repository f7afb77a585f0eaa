package org.ppi.platform.relay;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator endpoints of a write service's relay: {@code GET /api/{service}/admin/lag} (events in the store not yet
 * on the topic, parked events), {@code GET …/admin/relay/parked} (what was parked and why), and retries that read
 * the parked event from the event store and publish it as it was recorded (same id), once its cause is fixed
 * (e.g. the topic's {@code max.message.bytes} raised). A retried event reaches the topic after events recorded
 * later; consumers dedupe on the id and can tell the order from {@code ce_sequence}.
 */
@RestController
public class RelayController {
    private final RelayLag lag;
    private final ParkedEvents parked;
    private final EventStore events;
    private final KafkaRelay relay;
    private final TopicLimit limit;

    public RelayController(RelayLag lag, ParkedEvents parked, EventStore events, KafkaRelay relay, TopicLimit limit) {
        this.lag = lag;
        this.parked = parked;
        this.events = events;
        this.relay = relay;
        this.limit = limit;
    }

    @GetMapping("/api/${ppi.relay.name}/admin/lag")
    public RelayLag.Status lag(Actor actor) {
        return lag.status();
    }

    @GetMapping("/api/${ppi.relay.name}/admin/relay/parked")
    public PageResponse<ParkedEvents.ParkedEvent> parked(Actor actor, @RequestParam(required = false) Integer page,
                                                        @RequestParam(required = false) Integer size,
                                                        @RequestParam(defaultValue = "false") boolean all) {
        PageQuery query = PageQuery.of(page, size, List.of(), Map.of(), "global_index");
        return PageResponse.of(parked.list(!all, query.offset(), query.size()), query, parked.count(!all));
    }

    @PostMapping("/api/${ppi.relay.name}/admin/relay/parked/{eventId}/retry")
    public ParkedEvents.ParkedEvent retry(Actor actor, @PathVariable String eventId) {
        ParkedEvents.ParkedEvent event = parked.find(eventId)
                .orElseThrow(() -> DomainRejection.notFound("relay.parked-unknown", "eventId", eventId));
        if (!event.open()) {
            return event;
        }
        String failure = republish(event);
        if (failure != null) {
            throw DomainRejection.conflict("relay.retry-failed", "eventId", eventId, failure);
        }
        return parked.find(eventId).orElseThrow();
    }

    /** Retries every open parked event, oldest first. */
    @PostMapping("/api/${ppi.relay.name}/admin/relay/parked/retry")
    public Map<String, Long> retryAll(Actor actor) {
        long published = 0;
        for (ParkedEvents.ParkedEvent event : parked.list(true, 0, PageQuery.MAX_SIZE)) {
            if (republish(event) == null) {
                published++;
            }
        }
        return Map.of("published", published, "stillParked", parked.count(true));
    }

    /** Publishes the stored event; null when it went out, else the reason it still cannot. */
    private String republish(ParkedEvents.ParkedEvent event) {
        limit.forget(); // the cause may be a topic limit just changed: the door learns it too
        DomainEventMessage<?> stored = events.readEvents(event.aggregateId(), event.sequenceNumber()).asStream()
                .filter(m -> m.getIdentifier().equals(event.eventId()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Parked event " + event.eventId() + " is not in the event store"));
        try {
            relay.publish(stored.getPayload(), stored);
            parked.published(event.eventId(), Instant.now());
            return null;
        } catch (Exception e) {
            PublishFailure failure = PublishFailure.of(e);
            Instant now = Instant.now();
            parked.park(new ParkedEvents.ParkedEvent(event.eventId(), event.globalIndex(), event.aggregateId(),
                    event.sequenceNumber(), event.eventType(), event.institutionId(), failure.reason(), 1, event.parkedAt(),
                    now, null));
            return failure.reason();
        }
    }
}
