package org.ppi.platform.relay;

import java.util.Optional;
import java.util.OptionalLong;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How far the topic is behind the event store: events appended but not yet published (counted in the store
 * above the relay's token), events parked, and whether the relay is waiting on a transient failure. This is
 * the first half of "recorded but not yet in the figures"; the projections' lag is the second.
 */
public class RelayLag {
    private final JdbcClient jdbc;
    private final EventProcessingConfiguration processing;
    private final ParkedEvents parked;
    private final JsonMapper json;

    public RelayLag(JdbcClient jdbc, EventProcessingConfiguration processing, ParkedEvents parked, JsonMapper json) {
        this.jdbc = jdbc;
        this.processing = processing;
        this.parked = parked;
        this.json = json;
    }

    /**
     * @param lastInStore   the newest event's global index in the store (-1 when empty)
     * @param relayedUpTo   the relay token's position: every event up to it is on the topic or parked (-1 = none yet)
     * @param eventsBehind  events in the store above the token, waiting to be published
     * @param parked        events the relay parked and no retry has published yet
     * @param retrying      the relay is backing off a transient failure (e.g. Kafka unreachable)
     * @param error         that failure, when retrying
     */
    public record Status(long lastInStore, long relayedUpTo, long eventsBehind, long parked, boolean retrying, String error) {
    }

    public Status status() {
        long last = jdbc.sql("select coalesce(max(global_index), -1) from domain_event_entry").query(Long.class).single();
        Optional<EventTrackerStatus> tracker = processing
                .eventProcessor(KafkaRelay.PROCESSING_GROUP, TrackingEventProcessor.class)
                .flatMap(p -> p.processingStatus().values().stream().findFirst());
        OptionalLong position = tracker.map(EventTrackerStatus::getCurrentPosition).orElse(OptionalLong.empty());
        long relayed = position.isPresent() ? position.getAsLong() : storedPosition();
        long behind = jdbc.sql("select count(*) from domain_event_entry where global_index > ?").param(relayed)
                .query(Long.class).single();
        boolean retrying = tracker.map(EventTrackerStatus::isErrorState).orElse(false);
        String error = retrying ? tracker.map(EventTrackerStatus::getError).map(Throwable::toString).orElse(null) : null;
        return new Status(last, relayed, behind, parked.count(true), retrying, error);
    }

    /** The token as stored, while the processor holds no claim (starting, or between retries). */
    private long storedPosition() {
        Optional<byte[]> token = jdbc.sql("select token from token_entry where processor_name = ? and token is not null "
                        + "order by segment limit 1").param(KafkaRelay.PROCESSING_GROUP).query(byte[].class).optional();
        if (token.isEmpty()) {
            return -1;
        }
        JsonNode node = json.readTree(token.get());
        for (String field : new String[]{"index", "globalIndex"}) {
            if (node.has(field)) {
                return node.get(field).asLong();
            }
        }
        return -1;
    }
}
