package org.ppi.launcher.e2e;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * A synthetic history made of a real one: the records one institution's commands made the relay write (loaded
 * through the gateway, so every type, field and header is the relay's own), copied for other institutions. A copy
 * renames the institution and every id it qualifies ({@code institution.} + local id), gives each event a new
 * CloudEvent id, and keeps everything else — envelope, times, sequences — as the relay wrote it. An institution
 * {@code k} times the template's size holds k copies under one id ({@code inst.k2.P091}); the institution's own
 * events (its registration, method, details) are written once. Keys are the institution, as the relay keys them.
 */
final class HistoryCloner {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String template;
    private final List<ConsumerRecord<String, byte[]>> records;

    /** @param records the template institution's records of the projections' input topics */
    HistoryCloner(String template, List<ConsumerRecord<String, byte[]>> records) {
        this.template = template;
        List<ConsumerRecord<String, byte[]>> ordered = new ArrayList<>(records);
        // The order the events were recorded in (each aggregate's order is kept: its records share a partition).
        ordered.sort(Comparator.comparing((ConsumerRecord<String, byte[]> r) -> Instant.parse(header(r, "ce_time")))
                .thenComparingLong(ConsumerRecord::offset));
        this.records = List.copyOf(ordered);
    }

    int templateEvents() {
        return records.size();
    }

    /** The records of one synthetic institution {@code copies} times the template's size. */
    List<ProducerRecord<String, byte[]>> institution(String institutionId, int copies) {
        List<ProducerRecord<String, byte[]>> out = new ArrayList<>(records.size() * copies);
        for (int copy = 0; copy < copies; copy++) {
            String prefix = copy == 0 ? institutionId + "." : institutionId + ".k" + copy + ".";
            for (ConsumerRecord<String, byte[]> record : records) {
                if (copy > 0 && template.equals(header(record, "ce_subject"))) {
                    continue; // the institution itself is registered once
                }
                out.add(copied(record, institutionId, prefix, copy));
            }
        }
        return out;
    }

    private ProducerRecord<String, byte[]> copied(ConsumerRecord<String, byte[]> record, String institutionId, String prefix,
                                                  int copy) {
        List<Header> headers = new ArrayList<>();
        for (Header h : record.headers()) {
            String value = new String(h.value(), StandardCharsets.UTF_8);
            String renamed = switch (h.key()) {
                case "ce_id" -> UUID.nameUUIDFromBytes((institutionId + "/" + copy + "/" + value).getBytes(StandardCharsets.UTF_8)).toString();
                case "ce_traceparent", "ce_tracestate" -> null; // another history's traces
                default -> renamed(value, institutionId, prefix);
            };
            if (renamed != null) {
                headers.add(new RecordHeader(h.key(), renamed.getBytes(StandardCharsets.UTF_8)));
            }
        }
        JsonNode payload = JSON.readTree(record.value());
        byte[] value = JSON.writeValueAsBytes(renamedTree(payload, institutionId, prefix));
        return new ProducerRecord<>(record.topic(), null, institutionId, value, headers);
    }

    private JsonNode renamedTree(JsonNode node, String institutionId, String prefix) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                copy.set(field.getKey(), renamedTree(field.getValue(), institutionId, prefix));
            }
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = JSON.createArrayNode();
            array.forEach(item -> copy.add(renamedTree(item, institutionId, prefix)));
            return copy;
        }
        if (node.isString()) {
            return StringNode.valueOf(renamed(node.asString(), institutionId, prefix));
        }
        return node;
    }

    private String renamed(String value, String institutionId, String prefix) {
        if (value.equals(template)) {
            return institutionId;
        }
        if (value.startsWith(template + ".")) {
            return prefix + value.substring(template.length() + 1);
        }
        return value;
    }

    static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
