package org.ppi.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicCollector.header;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.budget.state.WorkedExample;
import org.ppi.contracts.CloudEventExtensions;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ProgramShareSet;
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
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison events on each of budget's input topics (costing, value chain, survey) for institution A: a body that is
 * not its type's JSON, a type this version does not know (.v2), on the value chain a share the rules refuse (2 of a
 * product to one program), and a record padded to the broker's limit (the refused share on the value chain, a .v2
 * elsewhere). Right behind each, on the same topic and key, a change of institution B whose summary shows it. Each
 * poison is parked with its reason and sent to ppi.budget.deadletter; A alone is stale; A's next APNOP line waits
 * behind it until the operator skips the poison and retries; the delays are printed as a table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ppi.projection.outbox-interval-ms=100")
@EmbeddedKafka(topics = {Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY, Topics.BUDGET}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BudgetPoisonEventsIntegrationTest {
    private static final String A = "budget-poison-a-it";
    private static final String B = "budget-poison-b-it";
    private static final String YEAR = "fiscalYear=2026";
    private static final int PRODUCER_LIMIT = 1_048_576;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "budget");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    private ApiClient api;
    private TopicCollector collector;
    private Instant clock = Instant.parse("2026-03-01T09:00:00Z");
    private int bApnopLines;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
        collector = TopicCollector.start(brokers, List.of(Topics.BUDGET_DEADLETTER, Topics.BUDGET_AUDIT));
    }

    @AfterEach
    void stop() throws Exception {
        collector.close();
    }

    private record Row(String topic, String kind, int bytes, String reason, boolean deadLetter, long delayMs) {
    }

    @Test
    void aPoisonOnEachTopicStopsOnlyItsInstitutionAndReachesTheDeadLetterTopic() throws Exception {
        for (String tenant : List.of(A, B)) {
            for (PpiEvent event : WorkedExample.valueChain(tenant)) {
                send(Topics.VALUECHAIN, event.aggregateId(), event);
            }
            for (PpiEvent event : WorkedExample.costing(tenant, CostingMethod.CLASSIC)) {
                send(Topics.COSTING, event.aggregateId(), event);
            }
        }
        for (String tenant : List.of(A, B)) {
            Await.until(tenant + " budgeted", Duration.ofSeconds(60), () -> summary(tenant, YEAR),
                    s -> s.path("reconciles").asBoolean() && decimal(s, "programsTotal", 3_323_000));
        }
        List<Row> rows = new ArrayList<>();
        int n = 0;
        for (String topic : List.of(Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY)) {
            List<String> kinds = topic.equals(Topics.VALUECHAIN)
                    ? List.of("malformed JSON", "unknown type", "breaks a rule", "oversized")
                    : List.of("malformed JSON", "unknown type", "oversized");
            for (String kind : kinds) {
                rows.add(poisonCase(topic, kind, ++n));
            }
        }
        System.out.println();
        System.out.println("| topic | poison kind | record bytes | parked | reason | on dead-letter | B's figure delay ms |");
        System.out.println("|---|---|---|---|---|---|---|");
        rows.forEach(r -> System.out.printf("| %s | %s | %,d | yes | %s | %s | %d |%n", r.topic(), r.kind(), r.bytes(),
                r.reason().length() > 90 ? r.reason().substring(0, 90) + "…" : r.reason(), r.deadLetter() ? "yes" : "no",
                r.delayMs()));
        System.out.println();
        assertThat(rows).hasSize(10).allMatch(Row::deadLetter);
        assertThat(api.request("GET", "/api/budget/admin/parked").user("admin").roles("platform-admin").send().body())
                .isEqualTo("[]");
        assertThat(summary(A, YEAR).path("apnopTotal").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(1_000L * n));
        long cases = n;
        Await.until("every dead letter and audit event published", Duration.ofSeconds(30),
                () -> collector.count(Topics.BUDGET_DEADLETTER) >= 2 * cases && collector.count(Topics.BUDGET_AUDIT) >= 4 * cases);
        assertThat(collector.types(Topics.BUDGET_AUDIT)).containsEntry("org.ppi.projection.ProjectionEventParked.v1", 2L * n)
                .containsEntry("org.ppi.projection.ParkedEventSkipped.v1", (long) n)
                .containsEntry("org.ppi.projection.ParkedEventRetried.v1", (long) n);
    }

    private Row poisonCase(String topic, String kind, int n) throws Exception {
        String poisonId = "budget-poison-" + n;
        String key = "bp-key-" + n;
        String type = poisonType(topic, kind);
        byte[] body = poisonBody(topic, kind);
        clock = clock.plusSeconds(1);
        CloudEvent poison = CloudEventBuilder.v1().withId(poisonId).withType(type).withSource(CloudEventPublisher.SOURCE)
                .withSubject(key).withTime(clock.atOffset(ZoneOffset.UTC)).withData(body)
                .withExtension(CloudEventExtensions.TENANT, A).withExtension(CloudEventExtensions.RECORDED, clock.toString())
                .build();
        long sentAt = System.nanoTime();
        CloudEventPublisher.send(kafka, topic, key, poison);
        Predicate<JsonNode> bReached = bChange(topic, key, n);
        Await.until("B's change behind " + poisonId, Duration.ofSeconds(60), Duration.ofMillis(20),
                () -> summary(B, topic.equals(Topics.SURVEY) ? "" : YEAR), bReached);
        long delayMs = (System.nanoTime() - sentAt) / 1_000_000;

        JsonNode parked = Await.until(poisonId + " parked", Duration.ofSeconds(60), this::parkedList,
                list -> find(list, poisonId) != null);
        String reason = find(parked, poisonId).path("reason").asString();
        assertThat(reason).as(kind).contains(switch (kind) {
            case "malformed JSON" -> "unreadable record";
            case "breaks a rule" -> "share outside 0..1";
            case "oversized" -> topic.equals(Topics.VALUECHAIN) ? "share outside 0..1" : "unknown event type";
            default -> "unknown event type";
        });
        assertThat(stale(A)).as("A stale behind " + poisonId).isTrue();
        assertThat(stale(B)).as("B is not").isFalse();

        CloudEvent behind = send(Topics.VALUECHAIN, "LA" + n, new ApnopLineRecorded(A, "analyst", "LA" + n, 2026,
                "Pensiones", ApnopKind.PENSION, BigDecimal.valueOf(1_000)));
        Await.until(behind.getId() + " waits behind " + poisonId, Duration.ofSeconds(60), this::parkedList,
                list -> find(list, behind.getId()) != null);
        ConsumerRecord<String, byte[]> dead = Await.until(poisonId + " on the dead-letter topic", Duration.ofSeconds(30),
                () -> collector.find(Topics.BUDGET_DEADLETTER, "ce_id", poisonId), r -> r != null);
        assertThat(dead.value()).isEqualTo(body);
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo(reason);
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC)).isEqualTo(topic);
        assertThat(header(dead, DeadLetters.INSTITUTION)).isEqualTo(A);
        assertThat(header(dead, DeadLetters.PROJECTION)).isEqualTo("budget");

        HttpResponse<String> skip = api.request("POST", "/api/budget/admin/parked/" + poisonId + "/skip").user("operadora")
                .roles("platform-admin").body(Map.of("reason", "prueba de veneno: " + kind)).send();
        assertThat(skip.statusCode()).as(skip.body()).isEqualTo(200);
        HttpResponse<String> retry = api.request("POST", "/api/budget/admin/parked/institutions/" + A + "/retry")
                .user("operadora").roles("platform-admin").send();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(summary(A, YEAR).path("apnopTotal").decimalValue()).isEqualByComparingTo(BigDecimal.valueOf(1_000L * n));
        assertThat(stale(A)).isFalse();
        return new Row(topic, kind, body.length, reason, true, delayMs);
    }

    private static String poisonType(String topic, String kind) {
        String name = switch (topic) {
            case Topics.COSTING -> "org.ppi.costing.InstitutionCostRecalculated";
            case Topics.VALUECHAIN -> "org.ppi.valuechain.ProgramShareSet";
            default -> "org.ppi.survey.InstitutionRegistered";
        };
        boolean v2 = kind.equals("unknown type") || (kind.equals("oversized") && !topic.equals(Topics.VALUECHAIN));
        return name + (v2 ? ".v2" : ".v1");
    }

    private byte[] poisonBody(String topic, String kind) {
        PpiEvent event = switch (topic) {
            case Topics.COSTING -> institutionCost(A, 4_180_000);
            // the rules refuse a share above 1 of a product to one program
            case Topics.VALUECHAIN -> new ProgramShareSet(A, "analyst", "PR1", "P1", 2026, BigDecimal.valueOf(2));
            default -> new InstitutionRegistered(A, "admin", "Institución", "DO", "DOP", 2026, BigDecimal.valueOf(40),
                    CostingMethod.CLASSIC);
        };
        String valid = new String(json.writeValueAsBytes(event), StandardCharsets.UTF_8);
        return switch (kind) {
            case "malformed JSON" -> valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8);
            case "oversized" -> ("{\"padding\":\"" + "x".repeat(PRODUCER_LIMIT - valid.length() - 1_024 - 14) + "\","
                    + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            default -> valid.getBytes(StandardCharsets.UTF_8);
        };
    }

    /** B's change on the poison's topic and key, and what B's summary shows once it is applied. */
    private Predicate<JsonNode> bChange(String topic, String key, int n) throws Exception {
        switch (topic) {
            case Topics.COSTING -> {
                send(topic, key, institutionCost(B, 4_180_000 + n));
                return s -> decimal(s, "costingTotalCost", 4_180_000 + n);
            }
            case Topics.VALUECHAIN -> {
                send(topic, key, new ApnopLineRecorded(B, "analyst", "LB" + n, 2026, "Pensiones", ApnopKind.PENSION,
                        BigDecimal.valueOf(1_000)));
                long expected = 1_000L * ++bApnopLines;
                return s -> decimal(s, "apnopTotal", expected);
            }
            default -> {
                int year = n % 2 == 0 ? 2027 : 2026; // the first one (n = 8) changes it: the default year was 2026
                send(topic, key, new InstitutionRegistered(B, "admin", "Institución B", "DO", "DOP", year,
                        BigDecimal.valueOf(40), CostingMethod.CLASSIC));
                return s -> s.path("fiscalYear").asInt() == year;
            }
        }
    }

    private static InstitutionCostRecalculated institutionCost(String tenant, long total) {
        return new InstitutionCostRecalculated(tenant, "analyst", CostingMethod.CLASSIC, amount(total),
                amount(3_323_000), amount(170_000), amount(687_000), amount(0), true, null, "cause-institution",
                1, LineageRef.institution(), null);
    }

    private static Amount amount(long value) {
        return new Amount(BigDecimal.valueOf(value).setScale(2), Long.toString(value));
    }

    private CloudEvent send(String topic, String key, PpiEvent event) throws Exception {
        clock = clock.plusSeconds(1);
        CloudEvent sent = CloudEventBuilder.v1().withId(UUID.randomUUID().toString())
                .withType(EventTypes.typeOf(event.getClass())).withSource(CloudEventPublisher.SOURCE)
                .withSubject(event.aggregateId()).withTime(clock.atOffset(ZoneOffset.UTC))
                .withData(json.writeValueAsBytes(event)).withExtension(CloudEventExtensions.TENANT, event.institutionId())
                .withExtension(CloudEventExtensions.ACTOR, event.actingUser())
                .withExtension(CloudEventExtensions.RECORDED, clock.toString()).build();
        CloudEventPublisher.send(kafka, topic, key, sent);
        return sent;
    }

    private JsonNode summary(String tenant, String query) throws Exception {
        return json.readTree(api.request("GET", "/api/budget/summary" + (query.isEmpty() ? "" : "?" + query)).tenant(tenant)
                .user("auditor").timeout(Duration.ofSeconds(10)).send().body());
    }

    private boolean stale(String tenant) throws Exception {
        return api.request("GET", "/api/budget/summary?" + YEAR).tenant(tenant).user("auditor").send().headers()
                .firstValue("PPI-Stale").isPresent();
    }

    private JsonNode parkedList() throws Exception {
        return json.readTree(api.request("GET", "/api/budget/admin/parked").user("admin").roles("platform-admin").send().body());
    }

    private static JsonNode find(JsonNode list, String eventId) {
        for (JsonNode p : list) {
            if (eventId.equals(p.path("eventId").asString())) {
                return p;
            }
        }
        return null;
    }

    private static boolean decimal(JsonNode node, String field, long value) {
        return node.path(field).isNumber() && node.path(field).decimalValue().compareTo(BigDecimal.valueOf(value)) == 0;
    }
}
