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
        if (topic.side() == Side.AUDIT) {
            return audit();
        }
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

    /** The audit topics' records: CloudEvents from the projection's outbox, about one parked event each. */
    private static Map<String, Object> audit() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ce_specversion", constant("1.0", "CloudEvents version"));
        p.put("ce_id", text("The audit event's id (a UUID derived from the projection, its kind, the parked event and the "
                + "instant); consumers dedupe on it"));
        Map<String, Object> source = new LinkedHashMap<>();
        source.put("type", "string");
        source.put("enum", EventCatalog.topics().stream().filter(t -> t.side() == Side.AUDIT).map(PublishedTopic::source)
                .toList());
        source.put("description", "The projection service that parked the event");
        p.put("ce_source", source);
        p.put("ce_type", text("org.ppi.projection.<EventName>.v<version>: names the body's schema (#/components/schemas/<ce_type>)"));
        p.put("ce_subject", text("The parked event's ce_id; equal to the Kafka key, so what happened to one event reads in order"));
        p.put("ce_time", time("When it happened: parked, retried or skipped (RFC 3339, UTC)"));
        p.put("content-type", constant("application/json", "The body's media type (CloudEvents datacontenttype)"));
        p.put("ce_recordedat", time("Same instant as ce_time, as ISO-8601 text (Instant.toString)"));
        Map<String, Object> tenant = text("The institution the parked event stops (empty for a record that named none)");
        tenant.remove("minLength");
        p.put("ce_tenantid", tenant);
        p.put("ce_actinguser", text("projection:<projection> for a park, the operator (the token's subject) for a retry or a skip"));
        p.put("ce_causationid", text("The parked event's ce_id"));
        p.put("ce_correlationid", text("The parked event's ce_correlationid (its ce_id when it carried none) for a park; its "
                + "ce_id for a retry or a skip"));
        Map<String, Object> sequence = text("The record's position among the outbox records of its ce_tenantid + ce_subject "
                + "(1, 2, 3, … in the order they were written and are published)");
        sequence.put("pattern", NUMBER);
        p.put("ce_sequence", sequence);
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", "Kafka headers of the projections' audit topics");
        schema.put("description", "CloudEvents 1.0 in Kafka binary mode, written by the projection's transactional outbox "
                + "(org.ppi.platform.projection.OutboxPublisher) in the transaction that parked, retried or skipped the "
                + "event. Headers not starting with ce_ may be added later; consumers ignore those they do not know.");
        schema.put("type", "object");
        schema.put("required", new ArrayList<>(p.keySet()));
        schema.put("properties", p);
        return schema;
    }

    /** A dead letter's headers: the parked record's own, as read, and the ppi_dlt_ ones saying why and where from. */
    static Map<String, Object> deadLetter(EventCatalog.DeadLetterTopic topic) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("ppi_dlt_reason", text("Why the projection parked it: the failure (an exception's text), \"unknown event "
                + "type …\", \"unreadable record: …\" (not its type's JSON, no ce_id, an attribute too long), or "
                + "\"waits behind parked event <id>\""));
        p.put("ppi_dlt_projection", constant(topic.projection(), "The projection that parked it"));
        p.put("ppi_dlt_source_topic", text("The topic it was read from"));
        Map<String, Object> partition = text("The partition it was read from");
        partition.put("pattern", NUMBER);
        p.put("ppi_dlt_source_partition", partition);
        Map<String, Object> offset = text("Its offset in that partition");
        offset.put("pattern", NUMBER);
        p.put("ppi_dlt_source_offset", offset);
        p.put("ppi_dlt_source_key", text("Its Kafka key there; absent when it had none"));
        p.put("ppi_dlt_institution", text("The institution it stops (stale until an operator retries or skips it); "
                + "absent for a record that named none. Equal to the Kafka key"));
        p.put("ppi_dlt_parked_at", time("When it was parked (ISO-8601, UTC)"));
        p.put("ppi_dlt_blocked_by", text("For an event that waits behind a parked one: that event's ce_id"));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("title", "Kafka headers of " + topic.topic());
        schema.put("description", "Every header of the parked record as it was read (its ce_ attributes included, "
                + "byte for byte), and these ppi_dlt_ ones (UTF-8 text), added by the projection's outbox "
                + "(org.ppi.platform.projection.DeadLetters) in the transaction that parked it.");
        schema.put("type", "object");
        schema.put("required", List.of("ppi_dlt_reason", "ppi_dlt_projection", "ppi_dlt_source_topic",
                "ppi_dlt_source_partition", "ppi_dlt_source_offset", "ppi_dlt_parked_at"));
        schema.put("properties", p);
        schema.put("additionalProperties", true);
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
