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
     * One record of a polled batch: the event, where it was read from, and the trace it was recorded in (the
     * CloudEvents distributed-tracing extension; null for events recorded before tracing); the record's key and
     * headers as read (what a dead letter copies); and, for a record that could not be read as an event, why
     * ({@code unreadable}; its event then carries no payload, so the projection parks it instead of applying it).
     */
    public record Delivery(EventEnvelope event, int partition, long offset, String traceparent, String tracestate,
                           String key, java.util.Map<String, Object> headers, String unreadable) {
        public Delivery(EventEnvelope event, int partition, long offset) {
            this(event, partition, offset, null, null);
        }

        public Delivery(EventEnvelope event, int partition, long offset, String traceparent, String tracestate) {
            this(event, partition, offset, traceparent, tracestate, null, java.util.Map.of(), null);
        }
    }

    /**
     * The longest value each attribute may have: what the inbox, the event log and the parked events keep. A record
     * with a longer one is unreadable (parked, never half-stored), like one whose body is not its type's JSON.
     */
    private static final java.util.Map<String, Integer> ATTRIBUTE_LIMITS = java.util.Map.of("id", 64, "type", 200,
            "subject", 200, CloudEventExtensions.TENANT, 100, CloudEventExtensions.ACTOR, 200,
            CloudEventExtensions.INTERVIEW, 100, CloudEventExtensions.CAUSATION, 64, CloudEventExtensions.CORRELATION, 64);

    /**
     * Reads every record of a batch (the binder's batch mode: one payload list, and each header as a list in the
     * same order; the records' own headers in {@link KafkaHeaders#BATCH_CONVERTED_HEADERS}).
     */
    @SuppressWarnings("unchecked")
    public java.util.List<Delivery> readBatch(Message<java.util.List<byte[]>> batch) {
        MessageHeaders h = batch.getHeaders();
        java.util.List<byte[]> payloads = batch.getPayload();
        java.util.List<java.util.Map<String, Object>> converted =
                (java.util.List<java.util.Map<String, Object>>) h.get(KafkaHeaders.BATCH_CONVERTED_HEADERS);
        java.util.List<?> topics = list(h.get(KafkaHeaders.RECEIVED_TOPIC), payloads.size());
        java.util.List<?> partitions = list(h.get(KafkaHeaders.RECEIVED_PARTITION), payloads.size());
        java.util.List<?> offsets = list(h.get(KafkaHeaders.OFFSET), payloads.size());
        java.util.List<?> keys = list(h.get(KafkaHeaders.RECEIVED_KEY), payloads.size());
        java.util.List<Delivery> deliveries = new java.util.ArrayList<>(payloads.size());
        for (int i = 0; i < payloads.size(); i++) {
            java.util.Map<String, Object> headers = new java.util.HashMap<>(converted == null ? java.util.Map.of() : converted.get(i));
            if (topics.get(i) != null) {
                headers.put(KafkaHeaders.RECEIVED_TOPIC, topics.get(i));
            }
            Message<byte[]> record = org.springframework.messaging.support.MessageBuilder
                    .withPayload(payloads.get(i) == null ? new byte[0] : payloads.get(i))
                    .copyHeaders(headers).build();
            Object partitionHeader = partitions.get(i);
            Object offsetHeader = offsets.get(i);
            int partition = partitionHeader == null ? 0 : ((Number) partitionHeader).intValue();
            long offset = offsetHeader == null ? -1 : ((Number) offsetHeader).longValue();
            Object key = keys.get(i);
            java.util.Map<String, Object> recordHeaders = converted == null ? java.util.Map.of() : converted.get(i);
            EventEnvelope event;
            String unreadable = null;
            try {
                event = readable(record);
            } catch (RuntimeException e) {
                // one line: the parser's location comes on a line of its own
                unreadable = "unreadable record: " + String.valueOf(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
                event = unreadableEvent(record, partition, offset);
            }
            deliveries.add(new Delivery(event, partition, offset,
                    attribute(record.getHeaders(), CloudEventExtensions.TRACEPARENT),
                    attribute(record.getHeaders(), CloudEventExtensions.TRACESTATE),
                    key instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : key == null ? null : key.toString(),
                    recordHeaders, unreadable));
        }
        return deliveries;
    }

    /** {@link #read} of a record whose attributes fit what the stores keep. */
    private EventEnvelope readable(Message<byte[]> record) {
        ATTRIBUTE_LIMITS.forEach((name, limit) -> {
            String value = attribute(record.getHeaders(), name);
            if (value != null && value.length() > limit) {
                throw new IllegalArgumentException("ce_" + name + " has " + value.length() + " characters, more than " + limit);
            }
        });
        return read(record);
    }

    /**
     * What can be told of a record that is not a readable event, with no payload: its own id and type when they are
     * usable (else one made of where it was read, so a redelivery is still recognised, and "unknown"), its
     * institution when the header names one, and its bytes.
     */
    private static EventEnvelope unreadableEvent(Message<byte[]> record, int partition, long offset) {
        MessageHeaders h = record.getHeaders();
        String topic = header(h, KafkaHeaders.RECEIVED_TOPIC);
        String id = fitting(h, "id");
        String type = fitting(h, "type");
        Instant recordedAt = null;
        try {
            String recorded = attribute(h, CloudEventExtensions.RECORDED);
            recordedAt = recorded == null ? null : Instant.parse(recorded);
        } catch (RuntimeException unparsable) {
            // the time stays unknown
        }
        return new EventEnvelope(id != null ? id : "unreadable-" + topic + "-" + partition + "-" + offset,
                type != null ? type : "unknown", topic, fitting(h, "subject"), recordedAt,
                fitting(h, CloudEventExtensions.TENANT), fitting(h, CloudEventExtensions.ACTOR),
                fitting(h, CloudEventExtensions.CAUSATION), fitting(h, CloudEventExtensions.CORRELATION),
                fitting(h, CloudEventExtensions.INTERVIEW), null, null,
                record.getPayload() == null ? new byte[0] : record.getPayload());
    }

    private static String fitting(MessageHeaders headers, String name) {
        String value = attribute(headers, name);
        return value != null && value.length() <= ATTRIBUTE_LIMITS.get(name) ? value : null;
    }

    /** A batch header: a list with one value per record, or one value shared by all. */
    private static java.util.List<?> list(Object header, int size) {
        if (header instanceof java.util.List<?> values) {
            return values;
        }
        return java.util.Collections.nCopies(size, header);
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
