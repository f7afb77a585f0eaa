package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every record a projection parks is also sent to its dead-letter topic ({@code ppi.<projection>.deadletter}) as it
 * was read — the same bytes, the same headers — plus {@code ppi_dlt_*} headers saying why, where it was read from,
 * which institution it stops and when. It is written to the outbox in the transaction that parks it (so it is
 * never lost, and never sent for a park that was rolled back) and published by {@link OutboxPublisher}, keyed by the
 * institution so its dead letters keep the order they were parked in: the first is the poison, the next wait behind.
 */
public class DeadLetters {
    public static final String REASON = "ppi_dlt_reason";
    public static final String PROJECTION = "ppi_dlt_projection";
    public static final String SOURCE_TOPIC = "ppi_dlt_source_topic";
    public static final String SOURCE_PARTITION = "ppi_dlt_source_partition";
    public static final String SOURCE_OFFSET = "ppi_dlt_source_offset";
    public static final String SOURCE_KEY = "ppi_dlt_source_key";
    public static final String INSTITUTION = "ppi_dlt_institution";
    public static final String PARKED_AT = "ppi_dlt_parked_at";
    public static final String BLOCKED_BY = "ppi_dlt_blocked_by";

    private final Outbox outbox;
    private final JsonMapper json;
    private final String projection;
    private final String topic;

    public DeadLetters(Outbox outbox, JsonMapper json, String projection, String topic) {
        this.outbox = outbox;
        this.json = json;
        this.projection = projection;
        this.topic = topic;
    }

    public String topic() {
        return topic;
    }

    /** Inside the parking transaction: the record and why it was parked, to be published on the dead-letter topic. */
    public void add(CloudEventReader.Delivery delivery, String institutionId, String reason, String blockedBy,
                    Instant parkedAt) {
        EventEnvelope e = delivery.event();
        Map<String, String> headers = new LinkedHashMap<>();
        delivery.headers().forEach((name, value) -> {
            if (value != null && !name.startsWith(DLT_PREFIX)) {
                headers.put(name, Base64.getEncoder().encodeToString(value instanceof byte[] bytes ? bytes
                        : value.toString().getBytes(StandardCharsets.UTF_8)));
            }
        });
        put(headers, REASON, reason);
        put(headers, PROJECTION, projection);
        put(headers, SOURCE_TOPIC, e.topic());
        put(headers, SOURCE_PARTITION, Integer.toString(delivery.partition()));
        put(headers, SOURCE_OFFSET, Long.toString(delivery.offset()));
        put(headers, SOURCE_KEY, delivery.key());
        put(headers, INSTITUTION, institutionId);
        put(headers, PARKED_AT, parkedAt.toString());
        put(headers, BLOCKED_BY, blockedBy);
        outbox.addRecord(topic, institutionId, e.id(), e.type(), e.data(), json.writeValueAsString(headers), e.id(),
                e.correlationId() != null ? e.correlationId() : e.id(), parkedAt);
    }

    private static final String DLT_PREFIX = "ppi_dlt_";

    private static void put(Map<String, String> headers, String name, String value) {
        if (value != null) {
            headers.put(name, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
