package org.ppi.platform.projection;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.kafka.KafkaMessageFactory;
import org.ppi.contracts.CloudEventExtensions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends pending outbox rows to the service's topic ({@code ppi.projection.topic}) in order, as CloudEvents whose
 * causationid is the event that changed the figure, correlationid that event's correlation id, sequence the row's
 * number within its institution and key ({@link Outbox}), and recordedat that event's recording time. A row
 * is marked only after Kafka acknowledged it (at-least-once; a row keeps its id, so a consumer's dedupe makes a duplicate harmless).
 * The Kafka key is the institution, as on the write side's topics: a consumer of this topic and of others (budget
 * reads costing's figures beside the value chains) finds one institution's records of every topic on the same
 * partition number; {@code ce_subject} names the figure.
 * A row that names another topic goes there (the audit topic, keyed by the parked event it tells of); a row that
 * carries a record of its own (a dead letter, {@link DeadLetters}) is sent as it is, its bytes and headers, through
 * the dead-letter producer, whose request size leaves room for the largest record a topic accepts plus the headers
 * a dead letter adds.
 */
public class OutboxPublisher implements org.springframework.beans.factory.DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final URI source;

    private final KafkaTemplate<String, byte[]> deadLetterKafka;
    private final java.time.Duration retention;
    private final int purgeBatch;
    /** Where set, a round runs in its own transaction holding the topic's advisory lock (PostgreSQL); null: no lock. */
    private final org.springframework.transaction.support.TransactionTemplate oneAtATime;
    /** Namespace of the advisory lock (its other half is the topic's hash). */
    static final int ROUND_LOCK = 7411;

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, @Value("${ppi.projection.topic}") String topic,
                           @Value("${spring.application.name}") String service) {
        this(jdbc, kafka, kafka, topic, service, java.time.Duration.ofDays(7), 1000);
    }

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, KafkaTemplate<String, byte[]> deadLetterKafka,
                           String topic, String service, java.time.Duration retention, int purgeBatch) {
        this(jdbc, kafka, deadLetterKafka, topic, service, retention, purgeBatch, null);
    }

    /**
     * @param retention how long a published row is kept ({@code ppi.projection.outbox-retention})
     * @param purgeBatch how many rows one delete removes at most ({@code ppi.projection.outbox-purge-batch})
     * @param oneAtATime where several instances share the outbox (PostgreSQL): each round takes the topic's advisory
     *                   lock in a transaction of its own, and an instance that does not get it skips the round, so two
     *                   instances never send the same rows side by side (duplicates on the topic); null: no lock
     */
    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, KafkaTemplate<String, byte[]> deadLetterKafka,
                           String topic, String service, java.time.Duration retention, int purgeBatch,
                           org.springframework.transaction.support.TransactionTemplate oneAtATime) {
        this.oneAtATime = oneAtATime;
        this.retention = retention;
        this.purgeBatch = purgeBatch;
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.deadLetterKafka = deadLetterKafka;
        this.topic = topic;
        this.source = URI.create("/ppi/" + service);
    }

    /**
     * Publishes up to 500 pending rows. Rows of different figures (keys) are sent side by side; rows of one figure one after
     * the other (each waits for the previous one's acknowledgement), so a figure's events keep their order. A row
     * that fails blocks only the later rows of its key in this round: every other key goes on, and the failed
     * row is retried in the next round.
     */
    @Scheduled(fixedDelayString = "${ppi.projection.outbox-interval-ms:200}")
    public void publishPending() {
        if (oneAtATime == null) {
            publishRound();
            return;
        }
        oneAtATime.executeWithoutResult(status -> {
            Boolean mine = jdbc.sql("select pg_try_advisory_xact_lock(?, hashtext(?))").params(ROUND_LOCK, topic)
                    .query(Boolean.class).single();
            if (Boolean.TRUE.equals(mine)) {
                publishRound();
            }
        });
    }

    private void publishRound() {
        List<Row> rows = jdbc.sql("select id, event_id, institution_id, event_key, event_type, payload, causation_id, "
                        + "acting_user, effective_at, correlation_id, key_sequence, topic, record_value, record_headers "
                        + "from outbox where published_at is null order by id limit 500")
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getLong(11), rs.getString(12) == null ? topic : rs.getString(12), rs.getBytes(13), rs.getString(14)))
                .list();
        java.util.Map<String, Sent> lastOfKey = new java.util.HashMap<>();
        java.util.Set<String> blocked = new java.util.HashSet<>();
        List<Long> published = new java.util.ArrayList<>();
        for (Row row : rows) {
            String stream = row.topic() + " " + row.key();
            Sent previous = lastOfKey.get(stream);
            if (previous != null && !acknowledged(previous, published)) {
                blocked.add(stream);
            }
            if (blocked.contains(stream)) {
                continue;
            }
            try {
                // the projection's own events by institution; the audit topic's by the parked event they tell of
                String key = row.topic().equals(topic) ? row.institutionId() : row.key();
                lastOfKey.put(stream, new Sent(row, row.carriesRecord() ? deadLetterKafka.send(record(row))
                        : kafka.send(KafkaMessageFactory.createWriter(row.topic(), key).writeBinary(cloudEvent(row)))));
            } catch (RuntimeException e) {
                log.warn("Event {} not published yet ({}); retrying", row.eventId(), e.getMessage());
                blocked.add(stream);
            }
        }
        for (Sent last : lastOfKey.values()) {
            acknowledged(last, published);
        }
        if (!published.isEmpty()) {
            jdbc.sql("update outbox set published_at = current_timestamp where id in (:ids)").param("ids", published).update();
        }
    }

    /**
     * Published rows are kept for {@code ppi.projection.outbox-retention} (default 7 days: what an operator
     * needs to check what was sent) and then deleted; rows not published yet are never deleted. The rows go in
     * deletes of at most {@code ppi.projection.outbox-purge-batch} (default 1,000), each its own short
     * transaction, so a purge after a large replay never holds a long lock on the table the consumers write to.
     */
    @Scheduled(fixedDelayString = "${ppi.projection.outbox-purge-interval-ms:3600000}", initialDelay = 60_000)
    public void purgePublished() {
        purgePublishedBefore(java.time.Instant.now().minus(retention));
    }

    int purgePublishedBefore(java.time.Instant cutoff) {
        int purged = BoundedDelete.repeat(jdbc, "delete from outbox where id in (select id from outbox where published_at "
                + "is not null and published_at < ? order by id limit ?)", java.sql.Timestamp.from(cutoff), purgeBatch);
        if (purged > 0) {
            log.info("Purged {} outbox rows published before {}", purged, cutoff);
        }
        return purged;
    }

    /** The dead letters' producer is this publisher's own (made with a larger request size): closed with it. */
    @Override
    public void destroy() {
        if (deadLetterKafka != kafka) {
            deadLetterKafka.destroy();
        }
    }

    /** A dead letter: the parked record's own bytes and headers (base64 in the row), keyed by its institution. */
    private org.apache.kafka.clients.producer.ProducerRecord<String, byte[]> record(Row row) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, byte[]>(row.topic(), null,
                row.key().isEmpty() ? null : row.key(), row.recordValue());
        java.util.Map<String, String> headers = HEADERS.readValue(row.recordHeaders(),
                new tools.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() { });
        headers.forEach((name, value) -> record.headers().add(name, java.util.Base64.getDecoder().decode(value)));
        return record;
    }

    private static final tools.jackson.databind.json.JsonMapper HEADERS = tools.jackson.databind.json.JsonMapper.builder().build();

    /** Waits for one send; true (and its row counted as published) when Kafka acknowledged it. */
    private boolean acknowledged(Sent sent, List<Long> published) {
        if (sent.done) {
            return sent.ok;
        }
        sent.done = true;
        try {
            sent.future.get(10, TimeUnit.SECONDS);
            sent.ok = true;
            published.add(sent.row.id());
        } catch (Exception e) {
            log.warn("Event {} not published yet ({}); retrying", sent.row.eventId(), e.getMessage());
        }
        return sent.ok;
    }

    private io.cloudevents.CloudEvent cloudEvent(Row row) {
        var event = CloudEventBuilder.v1().withId(row.eventId()).withType(row.type()).withSource(source)
                .withSubject(row.key()).withTime(row.effectiveAt().atOffset(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withData(row.payload().getBytes(StandardCharsets.UTF_8))
                .withExtension(CloudEventExtensions.TENANT, row.institutionId())
                .withExtension(CloudEventExtensions.CAUSATION, row.causationId())
                .withExtension(CloudEventExtensions.CORRELATION, row.correlationId())
                .withExtension(CloudEventExtensions.SEQUENCE, row.sequence())
                .withExtension(CloudEventExtensions.RECORDED, row.effectiveAt().toString());
        if (row.actingUser() != null) {
            event.withExtension(CloudEventExtensions.ACTOR, row.actingUser());
        }
        return event.build();
    }

    private static final class Sent {
        final Row row;
        final java.util.concurrent.CompletableFuture<?> future;
        boolean done;
        boolean ok;

        Sent(Row row, java.util.concurrent.CompletableFuture<?> future) {
            this.row = row;
            this.future = future;
        }
    }

    private record Row(long id, String eventId, String institutionId, String key, String type, String payload,
                       String causationId, String actingUser, java.time.Instant effectiveAt, String correlationId,
                       long sequence, String topic, byte[] recordValue, String recordHeaders) {
        boolean carriesRecord() {
            return recordHeaders != null;
        }
    }
}
