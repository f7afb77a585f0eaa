package org.ppi.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks one Kafka record against the AsyncAPI document of the topics: its type is a message of its topic's channel,
 * its headers and its key conform to that message's, every ce_ header it carries is documented, its key equals
 * ce_tenantid (the institution), and its JSON body conforms to the type's schema. Schemas are read from the document itself (JSON
 * Schema draft-07, as AsyncAPI's default format), with its {@code $ref}s resolved inside it.
 */
public final class EventContract {
    private static final String IRI = "https://ppi.invalid/asyncapi.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final JsonNode document;
    private final SchemaRegistry registry;

    private EventContract(String documentJson) {
        this.document = JSON.readTree(documentJson);
        this.registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, b -> b.schemas(Map.of(IRI, documentJson)));
    }

    public static EventContract of(String documentJson) {
        return new EventContract(documentJson);
    }

    /** The document committed in the contracts jar. */
    public static EventContract committed() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream("asyncapi/ppi-events.json")) {
            if (in == null) {
                throw new IllegalStateException("asyncapi/ppi-events.json is not on the classpath");
            }
            return of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public JsonNode document() {
        return document;
    }

    /** The ce_type of every message of the channel whose address is the topic. */
    public Set<String> documentedTypes(String topic) {
        Set<String> types = new LinkedHashSet<>();
        for (JsonNode ref : channel(topic).path("messages")) {
            String target = ref.path("$ref").asString();
            types.add(target.substring(target.lastIndexOf('/') + 1));
        }
        return types;
    }

    /** What is wrong with one record (empty: it conforms). */
    public List<String> problems(String topic, String key, Map<String, String> headers, byte[] body) {
        List<String> problems = new ArrayList<>();
        JsonNode channel = channel(topic);
        if (channel.isMissingNode()) {
            return List.of("topic " + topic + " is not documented");
        }
        String type = headers.get("ce_type");
        if (type == null || !documentedTypes(topic).contains(type)) {
            return List.of("type " + type + " is not documented on " + topic);
        }
        String message = "#/components/messages/" + type;
        ObjectNode headerNode = JSON.createObjectNode();
        headers.forEach(headerNode::put);
        problems.addAll(errors("headers", message + "/headers", headerNode));
        Set<String> documented = documentedHeaders(topic);
        for (String name : headers.keySet()) {
            if (name.startsWith("ce_") && !documented.contains(name)) {
                problems.add("header " + name + " is not documented");
            }
        }
        problems.addAll(errors("key", message + "/bindings/kafka/key", key == null ? JSON.nullNode() : JSON.getNodeFactory().stringNode(key)));
        // the audit topics are keyed by the parked event they tell of (ce_subject); every other topic by institution
        String keyHeader = topic.endsWith(".audit") ? "ce_subject" : "ce_tenantid";
        if (key != null && !key.equals(headers.get(keyHeader))) {
            problems.add("key " + key + " differs from " + keyHeader + " " + headers.get(keyHeader));
        }
        JsonNode payload;
        try {
            payload = JSON.readTree(body);
        } catch (RuntimeException e) {
            problems.add("body is not JSON: " + e.getMessage());
            return problems;
        }
        problems.addAll(errors("body", message + "/payload", payload));
        return problems;
    }

    /** The ce_ headers the topic's header schema names (every message of a channel shares it). */
    private Set<String> documentedHeaders(String topic) {
        Set<String> names = new LinkedHashSet<>();
        for (JsonNode ref : channel(topic).path("messages")) {
            String headers = document.at(ref.path("$ref").asString().substring(1) + "/headers/allOf/0/$ref").asString();
            document.at(headers.substring(1) + "/properties").properties().forEach(e -> names.add(e.getKey()));
        }
        return names;
    }

    private List<String> errors(String what, String pointer, JsonNode instance) {
        Schema schema = registry.getSchema(SchemaLocation.of(IRI + pointer));
        List<String> found = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            found.add(what + ": " + error);
        }
        return found;
    }

    private JsonNode channel(String topic) {
        for (JsonNode channel : document.path("channels")) {
            if (topic.equals(channel.path("address").asString())) {
                return channel;
            }
        }
        return tools.jackson.databind.node.MissingNode.getInstance();
    }
}
