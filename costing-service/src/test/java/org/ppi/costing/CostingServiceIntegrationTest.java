package org.ppi.costing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * costing-service fed through a real (in-process KRaft) broker and storing in a real PostgreSQL: the seed's
 * "Informe Anual de Gestión" to the cent, lineage back to the events, redelivery without effect, as-of
 * before and after a change, and a replay that rebuilds the same figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ppi.projection.outbox-interval-ms=100")
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN, Topics.COSTING}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CostingServiceIntegrationTest {
    private static final String TENANT = "defensoria-it";
    private static final String[] COSTS = {"1500000.00", "2400000.00", "1824561.40", "2000000.00", "2100000.00"};
    private static final int[] HOURS = {1, 3, 2, 1, 1};

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

    private ApiClient api;
    private final List<String> sentIds = new ArrayList<>();
    private Instant clock = Instant.parse("2026-02-01T09:00:00Z");

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    @Test
    void reproducesTheSeedTraceablyIdempotentlyAsOfAndAfterReplay() throws Exception {
        send(Topics.SURVEY, new InstitutionRegistered(TENANT, "admin", "Defensor del Pueblo", "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC));
        send(Topics.SURVEY, new CenterRegistered(TENANT, "admin", "dp-c1", "Dirección de Planificación", null,
                CenterArea.SUPPORT, null, null, null, null));
        for (int i = 0; i < COSTS.length; i++) {
            send(Topics.SURVEY, new EmployeeRegistered(TENANT, "admin", "dp-e" + i, "dp-c1", "Funcionario " + i, null,
                    new BigDecimal(COSTS[i]), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
        }
        send(Topics.CATALOG, new ProductRegistered(TENANT, "admin", "dp-p1", "dp-c1", "Informe Anual de Gestión",
                ProductType.TERMINAL, true, BigDecimal.ONE, "informe",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
        CloudEvent firstAllocation = null;
        for (int i = 0; i < HOURS.length; i++) {
            CloudEvent sent = send(Topics.SURVEY, new TimeAllocated(TENANT, "entrevistador", "dp-i1", "dp-c1", "dp-e" + i,
                    "dp-p1", BigDecimal.valueOf(HOURS[i])));
            firstAllocation = firstAllocation == null ? sent : firstAllocation;
        }

        JsonNode product = await("/api/costing/products/dp-p1", p -> p.path("direct").isNumber() && p.path("direct").decimalValue().compareTo(new BigDecimal("392982.46")) == 0);
        assertThat(product.path("rows")).extracting(r -> r.path("labour").decimalValue().toPlainString())
                .containsExactly("49122.81", "147368.42", "98245.61", "49122.81", "49122.81");
        assertThat(product.path("unitCost").decimalValue()).isEqualByComparingTo("392982.46");
        assertThat(product.path("rows").get(1).path("sharePercent").decimalValue()).isEqualByComparingTo("1.5");

        // the center's registration (not needed for the figure) may arrive a moment later, from another partition
        JsonNode lineage = await("/api/costing/products/dp-p1/lineage", l -> l.path("events").size() == sentIds.size());
        List<String> lineageIds = new ArrayList<>();
        lineage.path("events").forEach(e -> lineageIds.add(e.path("eventId").asString()));
        assertThat(lineageIds).hasSize(sentIds.size()).containsExactlyInAnyOrderElementsOf(sentIds);
        assertThat(lineage.path("events")).allSatisfy(e -> assertThat(e.path("topic").asString())
                .isIn(Topics.SURVEY, Topics.CATALOG));

        Instant beforeChange = clock;
        long logged = get("/api/costing/recalculations?size=1").path("totalItems").asLong();
        // Which figures the first allocation changed depends on whether its employee and product (other partitions
        // and topics) had arrived; what matters is that its redelivery changes nothing more. The change below has
        // the same key, so it is applied after the redelivery.
        String byFirstAllocation = "/api/costing/recalculations?size=1000&causationEventId=" + firstAllocation.getId();
        String loggedForFirst = get(byFirstAllocation).path("items").toString();
        CloudEventPublisher.send(kafka, Topics.SURVEY, "dp-i1", firstAllocation);
        CloudEvent change = send(Topics.SURVEY, new TimeAllocated(TENANT, "entrevistador", "dp-i1", "dp-c1", "dp-e0",
                "dp-p1", BigDecimal.valueOf(2)));
        JsonNode changed = await("/api/costing/products/dp-p1", p -> p.path("causationEventId").asString().equals(change.getId()));
        assertThat(changed.path("direct").decimalValue()).isEqualByComparingTo("442105.26");
        assertThat(get("/api/costing/recalculations?size=1").path("totalItems").asLong()).isGreaterThan(logged);
        assertThat(get(byFirstAllocation).path("items").toString()).as("the redelivered event changed nothing the second time")
                .isEqualTo(loggedForFirst);
        JsonNode lineageAfter = get("/api/costing/products/dp-p1/lineage");
        assertThat(lineageAfter.path("events").toString()).contains(change.getId());
        // Roles on the read side: an auditor alone reads lineage, history and lag, but does not replay (a replay
        // rebuilds every institution's figures: the platform administrator's); an analyst reads figures, not lag.
        HttpResponse<String> auditorLineage = api.request("GET", "/api/costing/products/dp-p1/lineage").tenant(TENANT)
                .user("auditora").roles("auditor").send();
        assertThat(auditorLineage.statusCode()).isEqualTo(200);
        assertThat(auditorLineage.body()).contains(change.getId());
        assertThat(api.request("GET", "/api/costing/recalculations").tenant(TENANT).roles("auditor").send().statusCode())
                .isEqualTo(200);
        assertThat(api.request("GET", "/api/costing/admin/lag").tenant(TENANT).roles("auditor").send().statusCode())
                .isEqualTo(200);
        assertThat(api.request("GET", "/api/costing/admin/lag").tenant(TENANT).roles("analyst").send().body())
                .contains("auth.forbidden");
        assertThat(api.request("GET", "/api/costing/products/dp-p1").tenant(TENANT).roles("analyst").send()
                .statusCode()).isEqualTo(200);
        for (String role : List.of("auditor", "institution-admin", "analyst")) {
            HttpResponse<String> refused = api.request("POST", "/api/costing/admin/replay").tenant(TENANT).roles(role)
                    .language("en").send();
            assertThat(refused.statusCode()).as(role).isEqualTo(403);
            assertThat(refused.body()).contains("auth.forbidden").contains("Your role does not allow");
        }
        HttpResponse<String> adminReadsFigures = api.request("GET", "/api/costing/products").user("admin")
                .roles("platform-admin").send();
        assertThat(adminReadsFigures.statusCode()).isEqualTo(401);
        assertThat(adminReadsFigures.body()).contains("auth.institution-missing");
        assertThat(api.request("GET", "/api/costing/admin/lag").user("admin").roles("platform-admin").send()
                .statusCode()).isEqualTo(200);

        assertThat(get("/api/costing/products/dp-p1?asOf=" + beforeChange).path("direct").decimalValue())
                .isEqualByComparingTo("392982.46");
        assertThat(get("/api/costing/products/dp-p1?asOf=" + clock).path("direct").decimalValue())
                .isEqualByComparingTo("442105.26");

        HttpResponse<String> csv = api.request("GET", "/api/costing/products?format=csv").tenant(TENANT).user("auditor")
                .send();
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.body()).startsWith("\uFEFFId producto,Producto,Centro").contains("Informe Anual de Gestión")
                .contains(",98245.61,").contains("Total del producto").contains(",442105.26,");
        assertThat(csv.body().lines().count()).isEqualTo(1 + 5 + 1);
        HttpResponse<String> english = api.request("GET", "/api/costing/employees?format=csv").tenant(TENANT)
                .user("auditor").language("en").send();
        assertThat(english.body()).startsWith("\uFEFFEmployee id,Employee,Position,Center");

        JsonNode events = getArray("/api/costing/events?id=" + change.getId() + "&id=" + firstAllocation.getId());
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("name").asString()).isEqualTo("TimeAllocated");
        assertThat(events.get(0).path("actingUser").asString()).isEqualTo("entrevistador");
        assertThat(getArray("/api/costing/events?id=" + change.getId(), "otra-institucion")).isEmpty();
        assertThat(get("/api/costing/admin/lag").path("eventsBehind").asLong()).isZero();
        JsonNode summary = get("/api/costing/summary");
        assertThat(summary.path("products").asInt()).isEqualTo(1);
        assertThat(summary.path("coreProducts").asInt()).isEqualTo(1);
        assertThat(summary.path("participatingEmployees").asInt()).isEqualTo(5);
        assertThat(summary.path("coreProductCosts").get(0).path("fullCost").decimalValue()).isEqualByComparingTo("442105.26");
        assertThat(summary.path("byArea").toString()).contains("\"area\":\"SUPPORT\",\"centers\":1,\"employees\":5");
        assertThat(get("/api/costing/products/dp-p1?normalize=true").path("direct").decimalValue())
                .as("nobody is over-allocated here: normalising changes nothing").isEqualByComparingTo("442105.26");

        String live = figures();
        assertThat(post("/api/costing/admin/replay").statusCode()).isEqualTo(202);
        await("/api/costing/admin/replay", s -> s.path("finished").asBoolean());
        assertThat(figures()).isEqualTo(live);
        JsonNode other = getAs("/api/costing/products/dp-p1", "otra-institucion");
        assertThat(other.path("status").asInt()).isEqualTo(404);
    }

    private String figures() throws Exception {
        JsonNode page = get("/api/costing/products?sort=name");
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(p -> rows.add(p.path("productId").asString() + "=" + p.path("direct").decimalValue()
                + "/" + p.path("fullCost").decimalValue() + "/" + p.path("rows").toString()));
        JsonNode institution = get("/api/costing/institution");
        rows.add(institution.path("totalCost").decimalValue() + "/" + institution.path("unusedCost").decimalValue());
        return String.join("\n", rows);
    }

    private CloudEvent send(String topic, PpiEvent event) throws Exception {
        clock = clock.plusSeconds(1);
        CloudEvent cloudEvent = CloudEventPublisher.publish(kafka, json, topic, event, clock);
        sentIds.add(cloudEvent.getId());
        return cloudEvent;
    }

    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        return Await.until("GET " + path, Duration.ofSeconds(60), () -> get(path), condition);
    }

    private JsonNode getArray(String path) throws Exception {
        return getArray(path, TENANT);
    }

    private JsonNode getArray(String path, String tenant) throws Exception {
        JsonNode node = getAs(path, tenant);
        assertThat(node.isArray()).as("%s answers a list: %s", path, node).isTrue();
        return node;
    }

    private JsonNode get(String path) throws Exception {
        return getAs(path, TENANT);
    }

    private JsonNode getAs(String path, String tenant) throws Exception {
        HttpResponse<String> response = api.request("GET", path).tenant(tenant).user("auditor")
                .timeout(Duration.ofSeconds(10)).send();
        return json.readTree(response.body());
    }

    private HttpResponse<String> post(String path) throws Exception {
        // Replays are deployment-wide: the platform administrator's token (no institution).
        return api.request("POST", path).user("admin").roles("platform-admin").send();
    }
}
