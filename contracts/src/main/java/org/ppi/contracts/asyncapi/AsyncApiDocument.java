package org.ppi.contracts.asyncapi;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.asyncapi.EventCatalog.PublishedTopic;
import org.ppi.contracts.asyncapi.EventCatalog.Side;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The AsyncAPI 3.0 document of every topic the platform publishes, generated from the contract classes: a channel
 * per topic ({@link EventCatalog}), the CloudEvents headers of its records ({@link EnvelopeHeaders}), the Kafka key,
 * and the JSON Schema of each event type and version ({@link EventSchemas}). It is committed as
 * {@value #YAML} and {@value #JSON} (served by the gateway at {@code /api/docs/asyncapi.yaml|json});
 * {@code AsyncApiDocumentTest} fails when they differ from what this class writes now. To write them again:
 * {@code mvn -pl contracts -o test -Dtest=AsyncApiDocumentTest -Dasyncapi.write=true}.
 */
public final class AsyncApiDocument {
    public static final String YAML = "asyncapi/ppi-events.yaml";
    public static final String JSON = "asyncapi/ppi-events.json";
    private static final String KAFKA_BINDING = "0.5.0";

    private AsyncApiDocument() {
    }

    public static Map<String, Object> build() {
        List<PublishedTopic> topics = EventCatalog.topics();
        EventSchemas schemas = new EventSchemas();
        Map<String, Object> channels = new LinkedHashMap<>();
        Map<String, Object> operations = new LinkedHashMap<>();
        Map<String, Object> messages = new LinkedHashMap<>();
        Map<String, Object> eventSchemas = new LinkedHashMap<>();
        Map<String, Object> headers = new LinkedHashMap<>();
        for (PublishedTopic topic : topics) {
            String channel = topic.channel();
            // one message per event type: the audit types of both projections share their headers' schema
            String headersName = "headers." + (topic.side() == Side.AUDIT ? "projection-audit" : topic.service());
            headers.put(headersName, EnvelopeHeaders.of(topic));
            Map<String, Object> channelMessages = new LinkedHashMap<>();
            List<Object> operationMessages = new ArrayList<>();
            for (Class<?> event : topic.events()) {
                String type = EventTypes.typeOf(event);
                eventSchemas.put(type, schemas.event(event));
                messages.put(type, message(event, type, headersName, topic));
                // channel-level ids allow no dots: TimeAllocated_v1
                String id = event.getSimpleName() + "_v" + EventTypes.SCHEMA_VERSION;
                channelMessages.put(id, Map.of("$ref", "#/components/messages/" + type));
                operationMessages.add(Map.of("$ref", "#/channels/" + channel + "/messages/" + id));
            }
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("address", topic.topic());
            c.put("title", topic.topic());
            c.put("description", (topic.side() == Side.WRITE
                    ? "Every event " + topic.service() + " records, relayed from its event store in order per institution "
                    + "(at least once: dedupe on ce_id)."
                    : topic.side() == Side.AUDIT
                    ? "What happened to the events " + topic.service() + " parked: parked (with the reason), retried or "
                    + "skipped by an operator (with who and why), from its transactional outbox in order per parked event "
                    + "(at least once: dedupe on ce_id). No projection consumes it (on " + topic.service()
                    + "'s events topic budget would park types it does not fold)."
                    : "Every change of a figure " + topic.service() + " settles, from its transactional outbox in order "
                    + "per figure (at least once: dedupe on ce_id).") + " Kafka key = ce_tenantid (the institution): every "
                    + "platform topic has the same partition count, so one institution's records of every topic share "
                    + "a partition number.");
            c.put("messages", channelMessages);
            c.put("bindings", Map.of("kafka", ordered("topic", topic.topic(), "bindingVersion", KAFKA_BINDING)));
            channels.put(channel, c);
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("action", "send");
            operation.put("title", topic.service() + " publishes on " + topic.topic());
            operation.put("channel", Map.of("$ref", "#/channels/" + channel));
            operation.put("messages", operationMessages);
            operations.put("publish_" + channel, operation);
        }
        for (EventCatalog.DeadLetterTopic topic : EventCatalog.deadLetterTopics()) {
            String channel = topic.channel();
            String headersName = "headers." + channel;
            headers.put(headersName, EnvelopeHeaders.deadLetter(topic));
            messages.put(channel, deadLetter(topic, headersName));
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("address", topic.topic());
            c.put("title", topic.topic());
            c.put("description", "Every record " + topic.service() + " parked — one it could not apply, of a type it does "
                    + "not know, unreadable, or of the same institution waiting behind one — as it was read (value and "
                    + "headers), with ppi_dlt_ headers saying why, where from and when; written in the transaction that "
                    + "parked it (at least once: dedupe on ce_id, or on ppi_dlt_source_topic/partition/offset). Kafka key = "
                    + "the institution, so its dead letters keep the order they were parked in: the first is the one that "
                    + "stopped it. Takes records up to ppi.projection.dead-letter-max-bytes (2 MiB) and keeps them for good. The operator's list, "
                    + "retry and skip: GET/POST /api/" + topic.projection() + "/admin/parked.");
            c.put("messages", Map.of("DeadLetter", Map.of("$ref", "#/components/messages/" + channel)));
            c.put("bindings", Map.of("kafka", ordered("topic", topic.topic(), "bindingVersion", KAFKA_BINDING)));
            channels.put(channel, c);
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("action", "send");
            operation.put("title", topic.service() + " publishes on " + topic.topic());
            operation.put("channel", Map.of("$ref", "#/channels/" + channel));
            operation.put("messages", List.of(Map.of("$ref", "#/channels/" + channel + "/messages/DeadLetter")));
            operations.put("publish_" + channel, operation);
        }
        Map<String, Object> allSchemas = new LinkedHashMap<>(schemas.shared());
        allSchemas.putAll(headers);
        allSchemas.putAll(eventSchemas);

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("asyncapi", "3.0.0");
        doc.put("info", info());
        doc.put("defaultContentType", "application/json");
        doc.put("servers", Map.of("local", server()));
        doc.put("channels", channels);
        doc.put("operations", operations);
        Map<String, Object> components = new LinkedHashMap<>();
        components.put("schemas", allSchemas);
        components.put("messages", messages);
        doc.put("components", components);
        return doc;
    }

    private static Map<String, Object> message(Class<?> event, String type, String headersName, PublishedTopic topic) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", event.getSimpleName());
        m.put("title", type);
        m.put("contentType", "application/json");
        Map<String, Object> typeHeader = new LinkedHashMap<>();
        typeHeader.put("type", "object");
        typeHeader.put("required", List.of("ce_type"));
        typeHeader.put("properties", Map.of("ce_type", ordered("type", "string", "const", type)));
        m.put("headers", Map.of("allOf", List.of(Map.of("$ref", "#/components/schemas/" + headersName), typeHeader)));
        m.put("payload", Map.of("$ref", "#/components/schemas/" + type));
        m.put("correlationId", ordered("location", "$message.header#/ce_correlationid",
                "description", "Shared by every event one request caused, across services"));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "string");
        key.put("minLength", 1);
        key.put("description", topic.side() == Side.AUDIT ? "Equal to ce_subject: the parked event's ce_id"
                : "Equal to ce_tenantid: the institution, the unit of order and of parallelism (its records "
                + "keep their order, hence each " + (topic.side() == Side.WRITE ? "aggregate's" : "figure's")
                + "; ce_subject names the " + (topic.side() == Side.WRITE ? "aggregate" : "figure") + ")");
        m.put("bindings", Map.of("kafka", ordered("key", key, "bindingVersion", KAFKA_BINDING)));
        return m;
    }

    private static Map<String, Object> deadLetter(EventCatalog.DeadLetterTopic topic, String headersName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "DeadLetter");
        m.put("title", "A record " + topic.service() + " parked");
        m.put("contentType", "application/octet-stream");
        m.put("headers", Map.of("$ref", "#/components/schemas/" + headersName));
        m.put("payload", ordered("description", "The parked record's value, byte for byte: usually the JSON body of its "
                + "ce_type, but whatever was read (an unreadable record's bytes too)"));
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("type", "string");
        key.put("description", "The institution the record stops (ppi_dlt_institution); absent for a record that named none");
        m.put("bindings", Map.of("kafka", ordered("key", key, "bindingVersion", KAFKA_BINDING)));
        return m;
    }

    private static Map<String, Object> info() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", "PPI platform events");
        info.put("version", "1");
        info.put("description", "The topics of the PPI platform (Perfil de Producción Institucional), for downstream "
                + "analytics. Each record is a CloudEvent 1.0 in Kafka binary mode: the attributes as ce_ headers (see "
                + "components/schemas/headers.<service>), the JSON body as the value (components/schemas/<ce_type>), the "
                + "Kafka key equal to ce_tenantid (the institution; ce_subject names the aggregate or figure). A breaking change of an event gets a new .v2 type; a published type is "
                + "never edited. Generated from the contract records (org.ppi.contracts.asyncapi.AsyncApiDocument).");
        return info;
    }

    private static Map<String, Object> server() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("host", "localhost:19092");
        server.put("protocol", "kafka");
        server.put("description", "The broker ./ppi start runs (in-process KRaft); a deployment names its own (PPI_KAFKA)");
        return server;
    }

    /** Map.of's order changes from one JVM to the next; the committed files must not. */
    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    public static String json() {
        return JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(build()) + "\n";
    }

    public static String yaml() {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setIndicatorIndent(0);
        return new Yaml(options).dump(build());
    }

    /** Writes both files under the given resources folder (e.g. contracts/src/main/resources). */
    public static void write(Path resources) throws IOException {
        Files.createDirectories(resources.resolve(YAML).getParent());
        Files.writeString(resources.resolve(YAML), yaml(), StandardCharsets.UTF_8);
        Files.writeString(resources.resolve(JSON), json(), StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws IOException {
        write(Path.of(args.length > 0 ? args[0] : "contracts/src/main/resources"));
    }
}
