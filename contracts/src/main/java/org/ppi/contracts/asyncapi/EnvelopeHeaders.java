package org.ppi.contracts.asyncapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.asyncapi.EventCatalog.PublishedTopic;
import org.ppi.contracts.asyncapi.EventCatalog.Side;

/**
 * The Kafka headers of a topic's records: CloudEvents 1.0 in Kafka binary mode, as the relay
 * ({@code org.ppi.platform.relay.KafkaRelay}) and the projections' outbox ({@code org.ppi.platform.projection.OutboxPublisher})
 * write them. Header values are UTF-8 text. Other headers (not {@code ce_}) may be added later; consumers ignore
 * the ones they do not know.
 */
final class EnvelopeHeaders {
    private static final String NUMBER = "^(0|[1-9][0-9]*)$";

    private EnvelopeHeaders() {
    }

    static Map<String, Object> of(PublishedTopic topic) {
        boolean write = topic.side() == Side.WRITE;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ce_specversion", constant("1.0", "CloudEvents version"));
        p.put("ce_id", text(write ? "The event id (Axon's event id): unique, the same on every redelivery or retry; consumers dedupe on it"
                : "The event id, derived from the causing event and the figure (a UUID): a replay republishes the same id; consumers dedupe on it"));
        p.put("ce_source", constant(topic.source(), "The publishing service"));
        p.put("ce_type", text("org.ppi.<service>.<EventName>.v<version>: names the body's schema (#/components/schemas/<ce_type>)"));
        p.put("ce_subject", text("The client's id of the aggregate (write side) or of the figure (projections), unique with "
                + "ce_tenantid (the Kafka key is ce_tenantid, the institution)"));
        p.put("ce_time", time(write ? "When the event was recorded in the event store (RFC 3339, UTC)"
                : "The recording time of the causing event: the instant the figure is valid from (RFC 3339, UTC)"));
        p.put("content-type", constant("application/json", "The body's media type (CloudEvents datacontenttype)"));
        p.put("ce_recordedat", time("Same instant as ce_time, as ISO-8601 text (Instant.toString): what as-of queries and replays use"));
        p.put("ce_tenantid", text("The institution (tenant) the event belongs to"));
        p.put("ce_actinguser", text(write ? "The user whose command recorded the event (the token's subject), or system:<job> for "
                + "events the platform records itself" : "The acting user of the causing event; absent when that event named none"));
        p.put("ce_causationid", text(write ? "The id of the message that caused the event: the command (or the event whose "
                + "handling recorded it)" : "The id of the event after which the figure was settled: the last event of "
                + "its institution in the consumed batch"));
        p.put("ce_correlationid", text(write ? "The id of the first message of the chain (Axon's trace id): every event "
                + "one request caused shares it" : "The causing event's ce_correlationid (its ce_id when it carried none): "
                + "a figure's event shares the id of the request that changed the figure"));
        if (write) {
            p.put("ce_interviewid", text("The interview whose command recorded the event; only on events recorded by an "
                    + "interview's commands (allocations, validation, corrections, sheets, workbooks)"));
            // CloudEvents distributed-tracing extension: the W3C trace context of the request that recorded the event.
            Map<String, Object> traceparent = text("W3C traceparent of the request whose command recorded the event "
                    + "(version-traceid-spanid-flags); absent when the command came without a trace");
            traceparent.put("pattern", "^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$");
            p.put("ce_traceparent", traceparent);
            p.put("ce_tracestate", text("W3C tracestate that came with ce_traceparent, when there was one"));
        }
        Map<String, Object> sequence = text(write
                ? "The event's sequence number in its aggregate (ce_tenantid + ce_subject), as stored: 0, 1, 2, … without "
                + "gaps in the event store. It gives the aggregate's order also where the topic does not: an event the "
                + "relay parked is published when an operator retries it, after the later ones"
                : "The record's position among the outbox records of its ce_tenantid + ce_subject (1, 2, 3, … in the order "
                + "they were written and are published): a replay's republished records get new, higher numbers with "
                + "their same ce_id");
        sequence.put("pattern", NUMBER);
        p.put("ce_sequence", sequence);

        List<String> required = new ArrayList<>(p.keySet());
        required.remove("ce_interviewid");
        required.remove("ce_traceparent");
        required.remove("ce_tracestate");
        if (!write) {
            required.remove("ce_actinguser");
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", "Kafka headers of " + topic.topic());
        schema.put("description", "CloudEvents 1.0 in Kafka binary mode (ce_ attributes as UTF-8 headers, the JSON body as "
                + "the record's value), written by " + (write ? "the relay (org.ppi.platform.relay.KafkaRelay) from the "
                + "event store" : "the projection's transactional outbox (org.ppi.platform.projection.OutboxPublisher)")
                + ". Headers not starting with ce_ may be added later; consumers ignore those they do not know.");
        schema.put("type", "object");
        schema.put("required", required);
        schema.put("properties", p);
        return schema;
    }

    private static Map<String, Object> text(String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "string");
        s.put("minLength", 1);
        s.put("description", description);
        return s;
    }

    private static Map<String, Object> time(String description) {
        Map<String, Object> s = text(description);
        s.put("format", "date-time");
        return s;
    }

    private static Map<String, Object> constant(String value, String description) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", "string");
        s.put("const", value);
        s.put("description", description);
        return s;
    }
}
