package org.ppi.costing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicCollector.header;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.platform.projection.DeadLetters;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.TopicCollector;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison events on each of costing's input topics, through the real (in-process KRaft) broker into a real PostgreSQL:
 * on survey, catalog and value chain, for institution A, a record whose body is not its type's JSON, an event of a type
 * this version does not know (a .v2), an event the costing rules refuse (an institution of 0 weekly hours, a merge that
 * makes the value chain's links a cycle, a link that closes one) and that refused event padded to the largest record
 * the broker takes. Right behind each, on the same topic and key (so the same partition and often the same batch),
 * a change of institution B. Each poison is parked with its reason and sent to ppi.costing.deadletter as it was read;
 * A alone is stale, and an allocation of A sent after it waits behind it; B's figure reaches its new value (the
 * delay is measured and printed in a table); the operator skips the poison with a reason and retries A, whose
 * allocation is then applied; parking, skip and retry are audit events on ppi.costing.audit. Nothing else is lost.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ppi.projection.outbox-interval-ms=100")
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN, Topics.COSTING}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class PoisonEventsIntegrationTest {
    private static final String A = "poison-a-it";
    private static final String B = "poison-b-it";
    private static final String T = "pz-t";
    /** The producer's max.request.size (the broker's message.max.bytes, 1,048,588, is a little above it). */
    private static final int PRODUCER_LIMIT = 1_048_576;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "costing");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private ApiClient api;
    private Instant clock = Instant.parse("2026-03-01T09:00:00Z");
    private final List<String> validIds = new ArrayList<>();
    private TopicCollector collector;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
        collector = TopicCollector.start(brokers, List.of(Topics.COSTING_DEADLETTER, Topics.COSTING_AUDIT));
    }

    @AfterEach
    void stop() throws Exception {
        collector.close();
    }

    private record Case(String topic, String kind, String poisonId, String reasonPart) {
    }

    private record Row(String topic, String kind, boolean parked, String reason, boolean deadLetter, long delayMs,
                       int bytes) {
    }

    @Test
    void aPoisonOnEachTopicStopsOnlyItsInstitutionAndReachesTheDeadLetterTopic() throws Exception {
        seed(A);
        seed(B);
        for (String tenant : List.of(A, B)) {
            Await.until(tenant + " seeded", Duration.ofSeconds(60), () -> product(tenant),
                    p -> decimal(p, "direct", "300000.00") && decimal(p, "fullCost", "420000.00"));
        }
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String topic : List.of(Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN)) {
            for (String kind : List.of("malformed JSON", "unknown type", "breaks a rule", "oversized")) {
                rows.add(poisonCase(topic, kind, ++n));
            }
        }

        System.out.println();
        System.out.println("| topic | poison kind | record bytes | parked | reason | on dead-letter | B's figure delay ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.printf("| %s | %s | %,d | %s | %s | %s | %d |%n", r.topic(), r.kind(), r.bytes(),
                r.parked() ? "yes" : "no", r.reason().length() > 90 ? r.reason().substring(0, 90) + "…" : r.reason(),
                r.deadLetter() ? "yes" : "no", r.delayMs()));
        System.out.println();
        assertThat(rows).allMatch(Row::parked).allMatch(Row::deadLetter);
        assertThat(rows).allSatisfy(r -> assertThat(r.delayMs()).as("%s %s", r.topic(), r.kind()).isLessThan(30_000));

        // nothing else lost: every valid event is in the log, no poison is; A and B end where their last events put them
        List<String> logged = jdbc.sql("select event_id from event_log where institution_id in (?, ?)").params(A, B)
                .query(String.class).list();
        assertThat(logged).containsAll(validIds);
        assertThat(logged).noneMatch(id -> id.startsWith("poison-"));
        assertThat(api.request("GET", "/api/costing/admin/parked").user("admin").roles("platform-admin").send().body())
                .isEqualTo("[]");
        assertThat(product(A).path("direct").decimalValue()).isEqualByComparingTo(hoursCost(20 + n));
        // 12 poisons and 12 allocations waiting behind them: 24 dead letters; 24 parks, 12 skips, 12 retries audited
        Await.until("every dead letter and audit event published", Duration.ofSeconds(30),
                () -> collector.count(Topics.COSTING_DEADLETTER) >= 24 && collector.count(Topics.COSTING_AUDIT) >= 48);
        assertThat(collector.types(Topics.COSTING_AUDIT)).containsEntry("org.ppi.projection.ProjectionEventParked.v1", 24L)
                .containsEntry("org.ppi.projection.ParkedEventSkipped.v1", 12L)
                .containsEntry("org.ppi.projection.ParkedEventRetried.v1", 12L);
        assertThat(jdbc.sql("select count(*) from outbox where published_at is null").query(Long.class).single()).isZero();
        // the dead-letter topic was created to take the largest record with room for its headers, and keeps it
        try (org.apache.kafka.clients.admin.AdminClient admin = org.apache.kafka.clients.admin.AdminClient.create(
                Map.of("bootstrap.servers", brokers))) {
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.COSTING_DEADLETTER);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("max.message.bytes").value()).isEqualTo("2097152");
            assertThat(config.get("retention.ms").value()).isEqualTo("-1");
        }
    }

    /**
     * One poison of A on the topic, B's change right behind it on the same key; B's figure awaited (delay measured
     * from the poison's sending); then A's allocation sent, which waits behind the poison; the poison skipped and A
     * retried, so A goes on from there.
     */
    private Row poisonCase(String topic, String kind, int n) throws Exception {
        String poisonId = "poison-" + n;
        String key = "pz-key-" + n;
        byte[] body = poisonBody(topic, kind);
        String type = poisonType(topic, kind);
        clock = clock.plusSeconds(1);
        CloudEvent poison = CloudEventBuilder.v1().withId(poisonId).withType(type).withSource(CloudEventPublisher.SOURCE)
                .withSubject(key).withTime(clock.atOffset(ZoneOffset.UTC)).withData(body)
                .withExtension(CloudEventExtensions.TENANT, A).withExtension(CloudEventExtensions.ACTOR, "admin")
                .withExtension(CloudEventExtensions.RECORDED, clock.toString()).build();
        long sentAt = System.nanoTime();
        CloudEventPublisher.send(kafka, topic, key, poison);
        Predicate<JsonNode> bReached = bChange(topic, key, n);
        Await.until("B's change behind " + poisonId, Duration.ofSeconds(60), Duration.ofMillis(20), () -> product(B), bReached);
        long delayMs = (System.nanoTime() - sentAt) / 1_000_000;

        JsonNode parked = Await.until(poisonId + " parked", Duration.ofSeconds(60), () -> parkedList(),
                list -> find(list, poisonId) != null);
        String reason = find(parked, poisonId).path("reason").asString();
        assertThat(find(parked, poisonId).path("institutionId").asString()).isEqualTo(A);
        assertThat(reason).as(kind).contains(expectedReason(topic, kind));
        HttpResponse<String> aAnswer = api.request("GET", "/api/costing/products/" + T).tenant(A).user("auditor").send();
        assertThat(aAnswer.headers().firstValue("PPI-Stale")).as("A stale behind " + poisonId).contains("true");
        assertThat(api.request("GET", "/api/costing/products/" + T).tenant(B).user("auditor").send()
                .headers().firstValue("PPI-Stale")).as("B is not").isEmpty();

        // A's next allocation waits behind the poison; the operator skips the poison and retries A
        CloudEvent behind = send(Topics.SURVEY, new TimeAllocated(A, "entrevistador", "pz-iv", "pz-c1", "pz-e1", T,
                BigDecimal.valueOf(20 + n)));
        Await.until(behind.getId() + " waits behind " + poisonId, Duration.ofSeconds(60), () -> parkedList(),
                list -> find(list, behind.getId()) != null
                        && poisonId.equals(find(list, behind.getId()).path("blockedBy").asString()));
        ConsumerRecord<String, byte[]> dead = Await.until(poisonId + " on the dead-letter topic", Duration.ofSeconds(30),
                () -> collector.find(Topics.COSTING_DEADLETTER, "ce_id", poisonId), r -> r != null);
        assertThat(dead.value()).as("the record's own bytes").isEqualTo(body);
        Map<String, String> sentHeaders = new java.util.TreeMap<>();
        io.cloudevents.kafka.KafkaMessageFactory.createWriter(topic, key).writeBinary(poison).headers()
                .forEach(h -> sentHeaders.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
        Map<String, String> keptHeaders = new java.util.TreeMap<>();
        dead.headers().forEach(h -> {
            if (!h.key().startsWith("ppi_dlt_")) {
                keptHeaders.put(h.key(), new String(h.value(), StandardCharsets.UTF_8));
            }
        });
        assertThat(keptHeaders).as("the record's own headers, as they were").isEqualTo(sentHeaders);
        assertThat(dead.key()).isEqualTo(A);
        assertThat(header(dead, "ce_type")).isEqualTo(type);
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo(reason);
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(dead, DeadLetters.SOURCE_KEY)).isEqualTo(key);
        assertThat(header(dead, DeadLetters.INSTITUTION)).isEqualTo(A);
        assertThat(Long.parseLong(header(dead, DeadLetters.SOURCE_OFFSET))).isNotNegative();
        assertThat(header(dead, DeadLetters.PARKED_AT)).isNotEmpty();
        Await.until(behind.getId() + " on the dead-letter topic", Duration.ofSeconds(30),
                () -> collector.find(Topics.COSTING_DEADLETTER, "ce_id", behind.getId()) != null);
        assertThat(header(collector.find(Topics.COSTING_DEADLETTER, "ce_id", behind.getId()), DeadLetters.BLOCKED_BY)).isEqualTo(poisonId);

        HttpResponse<String> skip = api.request("POST", "/api/costing/admin/parked/" + poisonId + "/skip").user("operadora")
                .roles("platform-admin").body(Map.of("reason", "prueba de veneno: " + kind)).send();
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
        HttpResponse<String> retry = api.request("POST", "/api/costing/admin/parked/institutions/" + A + "/retry")
                .user("operadora").roles("platform-admin").send();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).path("applied").asInt()).isEqualTo(1);
        assertThat(product(A).path("direct").decimalValue()).isEqualByComparingTo(hoursCost(20 + n));
        assertThat(api.request("GET", "/api/costing/products/" + T).tenant(A).user("auditor").send()
                .headers().firstValue("PPI-Stale")).isEmpty();
        validIds.add(behind.getId());
        ConsumerRecord<String, byte[]> skipped = Await.until("the skip of " + poisonId + " audited", Duration.ofSeconds(30),
                () -> collector.findByKey(Topics.COSTING_AUDIT, poisonId, "org.ppi.projection.ParkedEventSkipped.v1"), r -> r != null);
        assertThat(header(skipped, "ce_actinguser")).isEqualTo("operadora");
        assertThat(new String(skipped.value(), StandardCharsets.UTF_8)).contains("prueba de veneno: " + kind);
        return new Row(topic, kind, true, reason, true, delayMs, body.length);
    }

    private static String expectedReason(String topic, String kind) {
        return switch (kind) {
            case "malformed JSON" -> "unreadable record";
            case "unknown type" -> "unknown event type";
            default -> topic.equals(Topics.SURVEY) ? "weeklyHours must be positive" : "form a cycle";
        };
    }

    private static String poisonType(String topic, String kind) {
        String service = topic.split("\\.")[1];
        String name = switch (topic) {
            case Topics.SURVEY -> kind.equals("malformed JSON") ? "TimeAllocated" : "InstitutionRegistered";
            case Topics.CATALOG -> "ProductMergedInto";
            default -> "IntermediateLinked";
        };
        return "org.ppi." + service + "." + name + (kind.equals("unknown type") ? ".v2" : ".v1");
    }

    private byte[] poisonBody(String topic, String kind) {
        PpiEvent refused = switch (topic) {
            // the rules refuse an institution of 0 weekly hours
            case Topics.SURVEY -> new InstitutionRegistered(A, "admin", "Institución " + A, "DO", "DOP", 2026,
                    BigDecimal.ZERO, CostingMethod.CLASSIC);
            // links i1 → i2 → i3 → T: merging i3 into i1 makes i2 feed i1, a cycle
            case Topics.CATALOG -> new ProductMergedInto(A, "admin", "pz-i3", "pz-i1");
            // i3 feeding i1 closes the cycle i1 → i2 → i3 → i1
            default -> new IntermediateLinked(A, "admin", "pz-ch", "pz-i3", "pz-i1", BigDecimal.ONE);
        };
        String valid = new String(json.writeValueAsBytes(refused), StandardCharsets.UTF_8);
        return switch (kind) {
            case "malformed JSON" -> valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8);
            case "unknown type", "breaks a rule" -> valid.getBytes(StandardCharsets.UTF_8);
            default -> {
                // the refused event padded (a field no record has) to as large a record as the producer and broker take
                int room = PRODUCER_LIMIT - valid.length() - 1_024;
                yield ("{\"padding\":\"" + "x".repeat(room - 14) + "\"," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            }
        };
    }

    /** B's change on the poison's topic and key, and what its figure shows once applied. */
    private Predicate<JsonNode> bChange(String topic, String key, int n) throws Exception {
        clock = clock.plusSeconds(1);
        PpiEvent change;
        Predicate<JsonNode> reached;
        switch (topic) {
            case Topics.SURVEY -> {
                change = new TimeAllocated(B, "entrevistador", "pz-iv", "pz-c1", "pz-e1", T, BigDecimal.valueOf(10 + n));
                BigDecimal expected = hoursCost(10 + n);
                reached = p -> p.path("direct").isNumber() && p.path("direct").decimalValue().compareTo(expected) == 0;
            }
            case Topics.CATALOG -> {
                change = new ProductVolumeChanged(B, "admin", T, BigDecimal.valueOf(n), "informe");
                reached = p -> p.path("volume").isNumber() && p.path("volume").decimalValue().compareTo(BigDecimal.valueOf(n)) == 0;
            }
            default -> {
                boolean unlink = n % 2 == 1;
                change = unlink ? new IntermediateUnlinked(B, "admin", "pz-ch", "pz-i3", T)
                        : new IntermediateLinked(B, "admin", "pz-ch", "pz-i3", T, BigDecimal.ONE);
                BigDecimal supplied = unlink ? BigDecimal.ZERO : new BigDecimal("120000.00");
                reached = p -> p.path("fullCost").isNumber() && p.path("direct").isNumber() && p.path("fullCost")
                        .decimalValue().compareTo(p.path("direct").decimalValue().add(supplied)) == 0;
            }
        }
        CloudEvent sent = cloudEvent(change);
        CloudEventPublisher.send(kafka, topic, key, sent);
        validIds.add(sent.getId());
        return reached;
    }

    private static BigDecimal hoursCost(int hours) {
        // 1,200,000 a year over 40 weekly hours: 30,000 per weekly hour
        return new BigDecimal("30000.00").multiply(BigDecimal.valueOf(hours));
    }

    /**
     * A and B alike: one employee (1,200,000) giving 10 of 40 hours to the terminal product T (300,000) and 4 to the
     * intermediate i1 (120,000), which feeds T through i2 and i3 (links i1 → i2 → i3 → T): T's full cost 420,000.
     */
    private void seed(String tenant) throws Exception {
        send(Topics.SURVEY, new InstitutionRegistered(tenant, "admin", "Institución " + tenant, "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC));
        send(Topics.SURVEY, new CenterRegistered(tenant, "admin", "pz-c1", "Dirección", null, CenterArea.SUBSTANTIVE,
                null, null, null, null));
        send(Topics.SURVEY, new EmployeeRegistered(tenant, "admin", "pz-e1", "pz-c1", "Ana", null,
                new BigDecimal("1200000.00"), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
        ProductFeatures features = new ProductFeatures(null, Set.of(), null, null, List.of(), null, null);
        send(Topics.CATALOG, new ProductRegistered(tenant, "admin", T, "pz-c1", "Informe", ProductType.TERMINAL, true,
                BigDecimal.ONE, "informe", features));
        for (String i : List.of("pz-i1", "pz-i2", "pz-i3")) {
            send(Topics.CATALOG, new ProductRegistered(tenant, "admin", i, "pz-c1", "Insumo " + i, ProductType.INTERMEDIATE,
                    false, BigDecimal.ONE, "unidad", features));
        }
        send(Topics.VALUECHAIN, new ValueChainDefined(tenant, "admin", "pz-ch", "Cadena", null, T));
        send(Topics.VALUECHAIN, new IntermediateLinked(tenant, "admin", "pz-ch", "pz-i1", "pz-i2", BigDecimal.ONE));
        send(Topics.VALUECHAIN, new IntermediateLinked(tenant, "admin", "pz-ch", "pz-i2", "pz-i3", BigDecimal.ONE));
        send(Topics.VALUECHAIN, new IntermediateLinked(tenant, "admin", "pz-ch", "pz-i3", T, BigDecimal.ONE));
        send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", "pz-iv", "pz-c1", "pz-e1", T, BigDecimal.TEN));
        send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", "pz-iv", "pz-c1", "pz-e1", "pz-i1",
                BigDecimal.valueOf(4)));
    }

    private CloudEvent send(String topic, PpiEvent event) throws Exception {
        CloudEvent sent = cloudEvent(event);
        CloudEventPublisher.send(kafka, topic, event.aggregateId(), sent);
        validIds.add(sent.getId());
        return sent;
    }

    private CloudEvent cloudEvent(PpiEvent event) {
        clock = clock.plusSeconds(1);
        return CloudEventBuilder.v1().withId(UUID.randomUUID().toString()).withType(EventTypes.typeOf(event.getClass()))
                .withSource(CloudEventPublisher.SOURCE).withSubject(event.aggregateId())
                .withTime(clock.atOffset(ZoneOffset.UTC)).withData(json.writeValueAsBytes(event))
                .withExtension(CloudEventExtensions.TENANT, event.institutionId())
                .withExtension(CloudEventExtensions.ACTOR, event.actingUser())
                .withExtension(CloudEventExtensions.RECORDED, clock.toString()).build();
    }

    private JsonNode parkedList() throws Exception {
        return json.readTree(api.request("GET", "/api/costing/admin/parked").user("admin").roles("platform-admin").send().body());
    }

    private static JsonNode find(JsonNode list, String eventId) {
        for (JsonNode p : list) {
            if (eventId.equals(p.path("eventId").asString())) {
                return p;
            }
        }
        return null;
    }

    private JsonNode product(String tenant) throws Exception {
        return json.readTree(api.request("GET", "/api/costing/products/" + T).tenant(tenant).user("auditor")
                .timeout(Duration.ofSeconds(10)).send().body());
    }

    private static boolean decimal(JsonNode node, String field, String value) {
        return node.path(field).isNumber() && node.path(field).decimalValue().compareTo(new BigDecimal(value)) == 0;
    }
}
