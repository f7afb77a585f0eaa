package org.ppi.platform.projection;

import java.util.HashMap;
import java.util.Map;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection's own events are written here in the transaction that changed its figures, and published
 * afterwards ({@link OutboxPublisher}): a figure never changes without its event, nor is an event sent for a
 * rolled-back figure. Each row's id derives from its institution, its figure and its number within them (below):
 * a row published twice by the publisher (at least once) keeps its id, so a consumer's dedupe drops the copy, and
 * no two rows ever share one. Not from the causing event: a replay re-issues a figure's history (batched otherwise,
 * the same figure can come from the same cause with another value, or the same value come back after others), and
 * a consumer that took a re-issued row for a redelivery would keep a stale figure — what the projection bench found
 * in budget after a costing replay.
 *
 * <p>Each row also takes the causing event's correlation id (its own id when it carried none, as Axon does for a
 * first message) and the next number of its institution and key ({@code outbox_key_sequence}): 1, 2, 3, … in the
 * order the rows are written, which is the order they are published in. Only the transaction that holds the
 * institution's lock writes its rows, so two numbers of one key are never given at once.
 */
public class Outbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BatchedWrites writes;

    public Outbox(JdbcClient jdbc, JsonMapper json, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.json = json;
        this.writes = writes;
    }

    /** @param discriminator what else tells two figures of one aggregate apart (e.g. the fiscal year), or "" */
    public void add(PpiEvent event, String discriminator, EventEnvelope cause, Instant effectiveAt) {
        String payload = json.writeValueAsString(event);
        long sequence = nextSequence(event.institutionId(), event.aggregateId());
        String seed = event.institutionId() + "|" + event.aggregateId() + "|" + sequence + "|"
                + event.getClass().getSimpleName() + (discriminator.isEmpty() ? "" : "|" + discriminator);
        String correlation = cause.correlationId() != null ? cause.correlationId() : cause.id();
        writes.update("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, acting_user, "
                        + "effective_at, correlation_id, key_sequence) values (?,?,?,?,?,?,?,?,?,?)",
                UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(), event.institutionId(),
                event.aggregateId(), EventTypes.typeOf(event.getClass()), payload, cause.id(),
                event.actingUser(), Timestamp.from(effectiveAt), correlation, sequence);
    }

    /**
     * An event bound for another topic of the service than its own (its audit topic, which no projection consumes),
     * published as a CloudEvent like the figures' events and numbered within its institution and key the same way.
     */
    public void addTo(String topic, PpiEvent event, String eventId, String causationId, String correlationId,
                      Instant effectiveAt) {
        String institution = event.institutionId() == null ? "" : event.institutionId();
        writes.update("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, acting_user, "
                        + "effective_at, correlation_id, key_sequence, topic) values (?,?,?,?,?,?,?,?,?,?,?)",
                eventId, institution, event.aggregateId(), EventTypes.typeOf(event.getClass()),
                json.writeValueAsString(event), causationId, event.actingUser(), Timestamp.from(effectiveAt),
                correlationId, nextSequence(institution, event.aggregateId()), topic);
    }

    /**
     * A record published verbatim, its value and headers as given (a dead letter: the record a projection parked,
     * see {@link DeadLetters}); keyed by its institution ("" for none), so one institution's dead letters keep the
     * order they were parked in. It takes no {@code ce_sequence}: its headers are the original record's.
     */
    public void addRecord(String topic, String institutionId, String eventId, String eventType, byte[] value,
                          String headersJson, String causationId, String correlationId, Instant effectiveAt) {
        String institution = institutionId == null ? "" : institutionId;
        writes.update("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, effective_at, "
                        + "correlation_id, key_sequence, topic, record_value, record_headers) values (?,?,?,?,?,?,?,?,?,?,?,?)",
                eventId, institution, institution, eventType, "", causationId, Timestamp.from(effectiveAt),
                correlationId, 0L, topic, value, headersJson);
    }

    /**
     * In a batch, an institution's last numbers are read once (one query) and counted on in memory; each key's new
     * last number is saved with the batch's other writes.
     */
    private long nextSequence(String institutionId, String key) {
        Map<String, Map<String, Long>> batch = writes.local("outbox.sequences", HashMap::new);
        if (batch == null) {
            return nextSequenceNow(institutionId, key);
        }
        Map<String, Long> last = batch.computeIfAbsent(institutionId, this::lastSequences);
        long next = last.getOrDefault(key, 0L) + 1;
        last.put(key, next);
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("institution_id", institutionId);
        row.put("event_key", key);
        writes.save("outbox_key_sequence", row, Map.of("last_sequence", next), false);
        return next;
    }

    private Map<String, Long> lastSequences(String institutionId) {
        Map<String, Long> last = new HashMap<>();
        jdbc.sql("select event_key, last_sequence from outbox_key_sequence where institution_id = ?").param(institutionId)
                .query(rs -> {
                    last.put(rs.getString(1), rs.getLong(2));
                });
        return last;
    }

    private long nextSequenceNow(String institutionId, String key) {
        int updated = jdbc.sql("update outbox_key_sequence set last_sequence = last_sequence + 1 "
                + "where institution_id = ? and event_key = ?").params(institutionId, key).update();
        if (updated == 0) {
            jdbc.sql("insert into outbox_key_sequence (institution_id, event_key, last_sequence) values (?, ?, 1)")
                    .params(institutionId, key).update();
            return 1;
        }
        return jdbc.sql("select last_sequence from outbox_key_sequence where institution_id = ? and event_key = ?")
                .params(institutionId, key).query(Long.class).single();
    }
}
