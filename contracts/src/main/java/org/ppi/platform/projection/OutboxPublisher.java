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
 * causationid is the event that changed the figure and whose recordedat is that event's recording time. A row
 * is marked only after Kafka acknowledged it (at-least-once; the deterministic ids make duplicates harmless).
 */
public class OutboxPublisher {
    private static final Logger log = LoggerFactory.getLogger(OutboxPublisher.class);
    private final JdbcClient jdbc;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final URI source;

    public OutboxPublisher(JdbcClient jdbc, KafkaTemplate<String, byte[]> kafka, @Value("${ppi.projection.topic}") String topic,
                           @Value("${spring.application.name}") String service) {
        this.jdbc = jdbc;
        this.kafka = kafka;
        this.topic = topic;
        this.source = URI.create("/ppi/" + service);
    }

    @Scheduled(fixedDelayString = "${ppi.projection.outbox-interval-ms:200}")
    public void publishPending() {
        List<Row> rows = jdbc.sql("select id, event_id, institution_id, event_key, event_type, payload, causation_id, "
                        + "acting_user, effective_at from outbox where published_at is null order by id limit 500")
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant()))
                .list();
        for (Row row : rows) {
            try {
                var event = CloudEventBuilder.v1().withId(row.eventId()).withType(row.type()).withSource(source)
                        .withSubject(row.key()).withTime(row.effectiveAt().atOffset(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .withData(row.payload().getBytes(StandardCharsets.UTF_8))
                        .withExtension(CloudEventExtensions.TENANT, row.institutionId())
                        .withExtension(CloudEventExtensions.CAUSATION, row.causationId())
                        .withExtension(CloudEventExtensions.RECORDED, row.effectiveAt().toString());
                if (row.actingUser() != null) {
                    event.withExtension(CloudEventExtensions.ACTOR, row.actingUser());
                }
                kafka.send(KafkaMessageFactory.createWriter(topic, row.key()).writeBinary(event.build())).get(10, TimeUnit.SECONDS);
                jdbc.sql("update outbox set published_at = current_timestamp where id = ?").param(row.id()).update();
            } catch (Exception e) {
                log.warn("Event {} not published yet ({}); retrying", row.eventId(), e.getMessage());
                return;
            }
        }
    }

    private record Row(long id, String eventId, String institutionId, String key, String type, String payload,
                       String causationId, String actingUser, java.time.Instant effectiveAt) {
    }
}
