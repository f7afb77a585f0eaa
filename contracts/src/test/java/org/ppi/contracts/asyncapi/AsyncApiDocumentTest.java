package org.ppi.contracts.asyncapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.asyncapi.EventCatalog.PublishedTopic;
import org.ppi.contracts.asyncapi.EventCatalog.Side;
import org.ppi.contracts.costing.Amount;
import org.ppi.platform.testing.EventContract;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed AsyncAPI document is what the generator writes from the contract records now; every event type of
 * every topic has its message and schema; a sample of each type, filled and with every nullable field null,
 * conforms (body as the platform's Jackson writes it, headers as the relay or the outbox write them); and broken
 * records do not.
 */
class AsyncApiDocumentTest {
    private static final Path RESOURCES = Path.of("src/main/resources");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final EventContract contract = EventContract.of(AsyncApiDocument.json());

    @Test
    void theCommittedDocumentIsWhatTheGeneratorWritesFromTheRecordsNow() throws Exception {
        if (Boolean.getBoolean("asyncapi.write")) {
            AsyncApiDocument.write(RESOURCES);
        }
        assertThat(Files.readString(RESOURCES.resolve(AsyncApiDocument.YAML), StandardCharsets.UTF_8))
                .as("%s is stale: write it again with -Dasyncapi.write=true", AsyncApiDocument.YAML)
                .isEqualTo(AsyncApiDocument.yaml());
        assertThat(Files.readString(RESOURCES.resolve(AsyncApiDocument.JSON), StandardCharsets.UTF_8))
                .as("%s is stale: write it again with -Dasyncapi.write=true", AsyncApiDocument.JSON)
                .isEqualTo(AsyncApiDocument.json());
        assertThat(JSON.readTree(AsyncApiDocument.json()).path("asyncapi").asString()).isEqualTo("3.0.0");
    }

    @Test
    void everyEventRecordIsAMessageOfItsServicesTopicWithASchema() throws Exception {
        Map<String, Set<String>> byTopic = new LinkedHashMap<>();
        for (PublishedTopic topic : EventCatalog.topics()) {
            byTopic.put(topic.topic(), contract.documentedTypes(topic.topic()));
        }
        // found independently of the catalog's scan: every PpiEvent record under org/ppi/contracts
        List<Class<?>> records = eventRecordsOnDisk();
        assertThat(records).hasSizeGreaterThanOrEqualTo(50); // the README's topic table: 20 + 7 + 17 + 4 + 2
        int audit = 0;
        for (Class<?> record : records) {
            String service = record.getPackageName().substring(record.getPackageName().lastIndexOf('.') + 1);
            if (service.equals("projection")) {
                // what happened to a parked event: on each projection's audit topic, never on its events topic
                assertThat(byTopic.get("ppi.costing.audit")).as(record.getName()).contains(EventTypes.typeOf(record));
                assertThat(byTopic.get("ppi.budget.audit")).as(record.getName()).contains(EventTypes.typeOf(record));
                assertThat(byTopic.get("ppi.costing.events")).doesNotContain(EventTypes.typeOf(record));
                audit++;
            } else {
                assertThat(byTopic.get("ppi." + service + ".events")).as(record.getName()).contains(EventTypes.typeOf(record));
            }
            assertThat(contract.document().at("/components/schemas/" + EventTypes.typeOf(record).replace("/", "~1"))
                    .path("properties").size()).isEqualTo(record.getRecordComponents().length);
        }
        assertThat(audit).isEqualTo(3);
        assertThat(byTopic.values().stream().mapToInt(Set::size).sum()).isEqualTo(records.size() + audit);
        assertThat(byTopic.get("ppi.survey.events")).hasSize(20).contains("org.ppi.survey.TimeAllocated.v1");
        assertThat(byTopic.get("ppi.costing.events")).containsExactlyInAnyOrder("org.ppi.costing.CenterCostRecalculated.v1",
                "org.ppi.costing.EmployeeCostRecalculated.v1", "org.ppi.costing.InstitutionCostRecalculated.v1",
                "org.ppi.costing.ProductCostRecalculated.v1");
    }

    @Test
    void aFilledSampleAndANullSampleOfEveryTypeConform() {
        int checked = 0;
        for (PublishedTopic topic : EventCatalog.topics()) {
            for (Class<?> event : topic.events()) {
                PpiEvent filled = (PpiEvent) sample(event, false);
                assertThat(problems(topic, filled, headers(topic, filled))).as("filled %s", event.getSimpleName()).isEmpty();
                PpiEvent nulls = (PpiEvent) sample(event, true);
                assertThat(problems(topic, nulls, headers(topic, nulls))).as("nulls %s", event.getSimpleName()).isEmpty();
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(50);
    }

    /** The dead-letter topics are documented: the ppi_dlt_ headers the projections add, any other header kept. */
    @Test
    void eachProjectionsDeadLetterTopicIsDocumentedWithItsHeaders() {
        for (String projection : List.of("costing", "budget")) {
            tools.jackson.databind.JsonNode channel = contract.document().at("/channels/" + projection + "_deadletter");
            assertThat(channel.path("address").asString()).isEqualTo("ppi." + projection + ".deadletter");
            tools.jackson.databind.JsonNode headers = contract.document()
                    .at("/components/schemas/headers." + projection + "_deadletter");
            assertThat(headers.path("properties").propertyNames()).contains("ppi_dlt_reason", "ppi_dlt_source_topic",
                    "ppi_dlt_source_partition", "ppi_dlt_source_offset", "ppi_dlt_institution", "ppi_dlt_parked_at");
            assertThat(headers.path("additionalProperties").asBoolean()).isTrue();
        }
        assertThat(contract.documentedTypes("ppi.costing.audit")).containsExactlyInAnyOrder(
                "org.ppi.projection.ProjectionEventParked.v1", "org.ppi.projection.ParkedEventRetried.v1",
                "org.ppi.projection.ParkedEventSkipped.v1");
    }

    @Test
    void aBrokenBodyFails() {
        PublishedTopic costing = topic("ppi.costing.events");
        PpiEvent event = (PpiEvent) sample(org.ppi.contracts.costing.ProductCostRecalculated.class, false);
        Map<String, String> headers = headers(costing, event);
        ObjectNode body = (ObjectNode) JSON.valueToTree(event);

        assertThat(problems(costing, without(body, "fullCost"), headers))
                .anyMatch(p -> p.startsWith("body:") && p.contains("fullCost"));
        ObjectNode textAsMoney = body.deepCopy();
        ((ObjectNode) textAsMoney.get("direct")).put("value", "12.50");
        assertThat(problems(costing, textAsMoney, headers)).anyMatch(p -> p.startsWith("body:") && p.contains("value"));
        ObjectNode extra = body.deepCopy();
        extra.put("notInTheRecord", 1);
        assertThat(problems(costing, extra, headers)).anyMatch(p -> p.contains("notInTheRecord"));
        ObjectNode noTenant = body.deepCopy();
        noTenant.putNull("institutionId");
        assertThat(problems(costing, noTenant, headers)).anyMatch(p -> p.contains("institutionId"));
        ObjectNode badExact = body.deepCopy();
        ((ObjectNode) badExact.get("direct")).put("exact", "12.5");
        assertThat(problems(costing, badExact, headers)).anyMatch(p -> p.contains("exact"));
    }

    @Test
    void brokenHeadersAndKeysFail() {
        PublishedTopic survey = topic("ppi.survey.events");
        PpiEvent event = (PpiEvent) sample(org.ppi.contracts.survey.TimeAllocated.class, false);
        byte[] body = JSON.writeValueAsBytes(event);
        Map<String, String> headers = headers(survey, event);

        Map<String, String> noCorrelation = new LinkedHashMap<>(headers);
        noCorrelation.remove("ce_correlationid");
        assertThat(contract.problems(survey.topic(), event.institutionId(), noCorrelation, body)).anyMatch(p -> p.contains("ce_correlationid"));
        Map<String, String> undocumented = new LinkedHashMap<>(headers);
        undocumented.put("ce_somethingnew", "x");
        assertThat(contract.problems(survey.topic(), event.institutionId(), undocumented, body)).containsExactly("header ce_somethingnew is not documented");
        Map<String, String> badSequence = new LinkedHashMap<>(headers);
        badSequence.put("ce_sequence", "-1");
        assertThat(contract.problems(survey.topic(), event.institutionId(), badSequence, body)).anyMatch(p -> p.contains("ce_sequence"));
        Map<String, String> otherSource = new LinkedHashMap<>(headers);
        otherSource.put("ce_source", "/ppi/catalog-service");
        assertThat(contract.problems(survey.topic(), event.institutionId(), otherSource, body)).anyMatch(p -> p.contains("ce_source"));
        assertThat(contract.problems(survey.topic(), "another-key", headers, body)).anyMatch(p -> p.startsWith("key another-key differs"));
        Map<String, String> unknownType = new LinkedHashMap<>(headers);
        unknownType.put("ce_type", "org.ppi.survey.TimeAllocated.v2");
        assertThat(contract.problems(survey.topic(), event.institutionId(), unknownType, body))
                .containsExactly("type org.ppi.survey.TimeAllocated.v2 is not documented on ppi.survey.events");
        // a survey type on the costing topic is not one of its messages
        assertThat(contract.problems("ppi.costing.events", event.institutionId(), headers, body)).hasSize(1);
        // the projections' headers: ce_actinguser may be absent, ce_interviewid is not theirs
        PublishedTopic budget = topic("ppi.budget.events");
        PpiEvent figure = (PpiEvent) sample(org.ppi.contracts.budget.ProgramBudgetRecalculated.class, false);
        Map<String, String> figureHeaders = headers(budget, figure);
        figureHeaders.remove("ce_actinguser");
        assertThat(contract.problems(budget.topic(), figure.institutionId(), figureHeaders, JSON.writeValueAsBytes(figure))).isEmpty();
        figureHeaders.put("ce_interviewid", "i-1");
        assertThat(contract.problems(budget.topic(), figure.institutionId(), figureHeaders, JSON.writeValueAsBytes(figure)))
                .containsExactly("header ce_interviewid is not documented");
    }

    private List<String> problems(PublishedTopic topic, PpiEvent event, Map<String, String> headers) {
        return contract.problems(topic.topic(), event.institutionId(), headers, JSON.writeValueAsBytes(event));
    }

    private List<String> problems(PublishedTopic topic, ObjectNode body, Map<String, String> headers) {
        return contract.problems(topic.topic(), headers.get("ce_tenantid"), headers, JSON.writeValueAsBytes(body));
    }

    private static ObjectNode without(ObjectNode body, String field) {
        ObjectNode copy = body.deepCopy();
        copy.remove(field);
        return copy;
    }

    private static PublishedTopic topic(String name) {
        return EventCatalog.topics().stream().filter(t -> t.topic().equals(name)).findFirst().orElseThrow();
    }

    /** The headers as KafkaRelay (write side) or OutboxPublisher (projections) write them. */
    private static Map<String, String> headers(PublishedTopic topic, PpiEvent event) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("ce_specversion", "1.0");
        h.put("ce_id", "3f1c6a9e-6c1d-4b0e-9d7e-0d3f7f1f2a11");
        h.put("ce_source", topic.source());
        h.put("ce_type", EventTypes.typeOf(event.getClass()));
        h.put("ce_subject", event.aggregateId());
        h.put("ce_time", "2026-12-02T05:50:04.123456Z");
        h.put("content-type", "application/json");
        h.put("ce_recordedat", "2026-12-02T05:50:04.123456Z");
        h.put("ce_tenantid", event.institutionId());
        h.put("ce_actinguser", "analista");
        h.put("ce_causationid", "9b2d7c1e-0000-4000-8000-000000000001");
        h.put("ce_correlationid", "9b2d7c1e-0000-4000-8000-000000000000");
        h.put("ce_sequence", topic.side() == Side.WRITE ? "0" : "1");
        if (topic.side() == Side.WRITE) {
            h.put("ce_interviewid", "i-1");
        }
        return h;
    }

    /** A record with every component filled, or with every component the schema lets be null set to null. */
    private static Object sample(Class<?> record, boolean nulls) {
        RecordComponent[] components = record.getRecordComponents();
        Set<String> nonNull = PpiEvent.class.isAssignableFrom(record) ? EventSchemas.nonNullComponents(record)
                : record == Amount.class ? Set.of("value", "exact") : Set.of();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            boolean setNull = nulls && !types[i].isPrimitive() && !nonNull.contains(components[i].getName());
            args[i] = setNull ? null : value(components[i].getGenericType(), nulls);
        }
        try {
            return record.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(record.getName(), e);
        }
    }

    private static Object value(Type type, boolean nulls) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw == String.class) {
            return "demo-defensoria.P091";
        }
        if (raw == int.class || raw == Integer.class) {
            return 2026;
        }
        if (raw == long.class || raw == Long.class) {
            return 7L;
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return true;
        }
        if (raw == BigDecimal.class) {
            return new BigDecimal("540491.29");
        }
        if (raw == Instant.class) {
            return Instant.parse("2026-12-02T05:50:04.123456Z");
        }
        if (raw == LocalDate.class) {
            return LocalDate.of(2026, 7, 1);
        }
        if (raw.isEnum()) {
            return raw.getEnumConstants()[0];
        }
        if (raw == Amount.class) {
            return new Amount(new BigDecimal("6576398.27"), "19729194811/3000");
        }
        if (raw.isRecord()) {
            return sample(raw, nulls);
        }
        if (Collection.class.isAssignableFrom(raw)) {
            Object item = value(((ParameterizedType) type).getActualTypeArguments()[0], nulls);
            return Set.class.isAssignableFrom(raw) ? Set.of(item) : List.of(item);
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static List<Class<?>> eventRecordsOnDisk() throws Exception {
        Path root = Path.of(PpiEvent.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("org/ppi/contracts"))) {
            for (Path f : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                Class<?> c = Class.forName(root.relativize(f).toString().replace('/', '.').replaceAll("\\.class$", ""));
                if (c.isRecord() && PpiEvent.class.isAssignableFrom(c)) {
                    found.add(c);
                }
            }
        }
        return found;
    }
}
