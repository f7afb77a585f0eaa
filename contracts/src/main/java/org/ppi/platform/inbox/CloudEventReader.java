package org.ppi.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import tools.jackson.databind.json.JsonMapper;

/** Reads a binary-mode CloudEvent (ce_* Kafka headers + JSON body) back into an {@link EventEnvelope}. */
public class CloudEventReader {
    private final JsonMapper json;

    public CloudEventReader(JsonMapper json) {
        this.json = json;
    }

    public EventEnvelope read(Message<byte[]> message) {
        MessageHeaders h = message.getHeaders();
        String id = attribute(h, "id");
        String type = attribute(h, "type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("Not a CloudEvent: missing ce_id or ce_type");
        }
        String recorded = attribute(h, CloudEventExtensions.RECORDED);
        String time = attribute(h, "time");
        Instant recordedAt = recorded != null ? Instant.parse(recorded)
                : time != null ? OffsetDateTime.parse(time).toInstant() : null;
        Class<?> contract = EventTypes.classOf(type);
        Object payload = contract == null ? null : json.readValue(message.getPayload(), contract);
        String sequence = attribute(h, CloudEventExtensions.SEQUENCE);
        return new EventEnvelope(id, type, header(h, KafkaHeaders.RECEIVED_TOPIC), attribute(h, "subject"), recordedAt,
                attribute(h, CloudEventExtensions.TENANT), attribute(h, CloudEventExtensions.ACTOR),
                attribute(h, CloudEventExtensions.CAUSATION), attribute(h, CloudEventExtensions.CORRELATION),
                attribute(h, CloudEventExtensions.INTERVIEW), sequence == null ? null : Long.valueOf(sequence),
                payload, message.getPayload());
    }

    /**
     * A CloudEvent attribute: Kafka binary mode names it ce_x, but Spring Cloud Function's CloudEvent support
     * may hand it over as ce-x or ce.x, so all three are read.
     */
    private static String attribute(MessageHeaders headers, String name) {
        for (String prefix : new String[] {"ce_", "ce-", "ce."}) {
            String value = header(headers, prefix + name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return value == null ? null : value.toString();
    }
}
