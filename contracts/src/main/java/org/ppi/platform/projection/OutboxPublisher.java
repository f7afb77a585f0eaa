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
 * is marked only after Kafka acknowledged it (at-least-once; the deterministic ids make duplicates harmless).
 * The Kafka key is the institution, as on the write side's topics: a consumer of this topic and of others (budget
 * reads costing's figures beside the value chains) finds one institution's records of every topic on the same
 * partition number; {@code ce_subject} names the figure.
 */
public class OutboxPublisher {
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final URI source;

    private final java.time.Duration retention;
    /** Where set, a round runs in its own transaction holding the topic's advisory lock (PostgreSQL); null: no lock. */
    private final org.springframework.transaction.support.TransactionTemplate oneAtATime;
    /** Namespace of the advisory lock (its other half is the topic's hash). */
    static final int ROUND_LOCK = 7411;

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, @Value("${ppi.projection.topic}") String topic,
                           @Value("${spring.application.name}") String service) {
        this(jdbc, kafka, topic, service, java.time.Duration.ofDays(7));
    }

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, String topic, String service,
                           java.time.Duration retention) {
        this(jdbc, kafka, topic, service, retention, null);
    }

    /**
     * @param oneAtATime where several instances share the outbox (PostgreSQL): each round takes the topic's advisory
     *                   lock in a transaction of its own, and an instance that does not get it skips the round, so two
     *                   instances never send the same rows side by side (duplicates on the topic); null: no lock
     */
    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, String topic, String service,
                           java.time.Duration retention,
                           org.springframework.transaction.support.TransactionTemplate oneAtATime) {
        this.oneAtATime = oneAtATime;
        this.retention = retention;
        this.jdbc = jdbc;
        this.kafka = kafka;
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
                        + "acting_user, effective_at, correlation_id, key_sequence from outbox where published_at is null "
                        + "order by id limit 500")
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10),
                        rs.getLong(11)))
                .list();
        java.util.Map<String, Sent> lastOfKey = new java.util.HashMap<>();
        java.util.Set<String> blocked = new java.util.HashSet<>();
        List<Long> published = new java.util.ArrayList<>();
        for (Row row : rows) {
            Sent previous = lastOfKey.get(row.key());
            if (previous != null && !acknowledged(previous, published)) {
                blocked.add(row.key());
            }
            if (blocked.contains(row.key())) {
                continue;
            }
            try {
                lastOfKey.put(row.key(), new Sent(row, kafka.send(KafkaMessageFactory.createWriter(topic, row.institutionId())
                        .writeBinary(cloudEvent(row)))));
            } catch (RuntimeException e) {
                log.warn("Event {} not published yet ({}); retrying", row.eventId(), e.getMessage());
                blocked.add(row.key());
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
     * needs to check what was sent) and then deleted; rows not published yet are never deleted.
     */
    @Scheduled(fixedDelayString = "${ppi.projection.outbox-purge-interval-ms:3600000}", initialDelay = 60_000)
    public void purgePublished() {
        purgePublishedBefore(java.time.Instant.now().minus(retention));
    }

    int purgePublishedBefore(java.time.Instant cutoff) {
        int purged = jdbc.sql("delete from outbox where published_at is not null and published_at < ?")
                .param(java.sql.Timestamp.from(cutoff)).update();
        if (purged > 0) {
            log.info("Purged {} outbox rows published before {}", purged, cutoff);
        }
        return purged;
    }

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
                       long sequence) {
    }
}
