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
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.SettledRows;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.XlsxSheet;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * costing-service fed through a real (in-process KRaft) broker and storing in a real PostgreSQL: the seed's
 * "Informe Anual de Gestión" to the cent, lineage back to the events, redelivery without effect, as-of
 * before and after a change, and a replay that rebuilds the same figures; and an auditor's replay of his own
 * institution, from the event log, that rebuilds it alone.
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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BindingsLifecycleController bindings;
    @Autowired
    org.ppi.costing.projection.Ledgers ledgers;

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
        // the same key (the institution), so it is applied after the redelivery.
        String byFirstAllocation = "/api/costing/recalculations?size=1000&causationEventId=" + firstAllocation.getId();
        String loggedForFirst = get(byFirstAllocation).path("items").toString();
        CloudEventPublisher.send(kafka, Topics.SURVEY, TENANT, firstAllocation);
        CloudEvent change = send(Topics.SURVEY, new TimeAllocated(TENANT, "entrevistador", "dp-i1", "dp-c1", "dp-e0",
                "dp-p1", BigDecimal.valueOf(2)));
        JsonNode changed = await("/api/costing/products/dp-p1", p -> p.path("causationEventId").asString().equals(change.getId()));
        assertThat(changed.path("direct").decimalValue()).isEqualByComparingTo("442105.26");
        assertThat(get("/api/costing/recalculations?size=1").path("totalItems").asLong()).isGreaterThan(logged);
        assertThat(get(byFirstAllocation).path("items").toString()).as("the redelivered event changed nothing the second time")
                .isEqualTo(loggedForFirst);
        JsonNode lineageAfter = get("/api/costing/products/dp-p1/lineage");
        assertThat(lineageAfter.path("events").toString()).contains(change.getId());
        // The institution's figure rests on every fact: its lineage holds every event sent, the change included.
        JsonNode institutionLineage = await("/api/costing/institution/lineage",
                l -> l.path("events").toString().contains(change.getId()));
        List<String> institutionIds = new ArrayList<>();
        institutionLineage.path("events").forEach(e -> institutionIds.add(e.path("eventId").asString()));
        assertThat(institutionIds).containsAll(sentIds).contains(change.getId());
        pagesTheLineageAndPublishesItsSizeAndReference(change.getId());
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
        JsonNode replayed = await("/api/costing/admin/replay", s -> s.path("finished").asBoolean());
        assertThat(figures()).isEqualTo(live);
        // Progress counts the topic records the replay had to read: all of them (this class's, and others' ITs').
        JsonNode progress = replayed.path("progress");
        assertThat(progress.path("total").asLong()).as(replayed.toString()).isPositive();
        assertThat(progress.path("done").asLong()).isEqualTo(progress.path("total").asLong());
        assertThat(progress.path("percent").decimalValue()).isEqualByComparingTo("100");
        assertThat(progress.path("etaSeconds").asLong()).isZero();
        JsonNode other = getAs("/api/costing/products/dp-p1", "otra-institucion");
        assertThat(other.path("status").asInt()).isEqualTo(404);
    }


    @Test
    void anAuditorReplaysHisInstitutionAloneToTheSameFigures() throws Exception {
        String a = "replay-a-it";
        String b = "replay-b-it";
        List<String> aEvents = seedInstitution(a, "ra");
        List<String> bEvents = seedInstitution(b, "rb");
        for (String[] tenant : new String[][]{{a, "ra"}, {b, "rb"}}) {
            int expected = (tenant[0].equals(a) ? aEvents : bEvents).size();
            Await.until("all events of " + tenant[0], Duration.ofSeconds(60),
                    () -> getAs("/api/costing/products/" + tenant[1] + "-p1/lineage", tenant[0]),
                    l -> l.path("events").size() == expected);
        }
        String aFigures = figures(a);
        String bFigures = figures(b);
        assertThat(aFigures).contains("ra-p1=392982.46");
        String aRows = figureRows(a);
        String bRows = figureRows(b);
        List<String> bVersions = versionRows(b);
        List<String> aRecalculations = recalculations(a);
        List<String> bRecalculations = recalculations(b);
        List<Long> aRecalculationIds = recalculationIds(a);
        List<Long> bRecalculationIds = recalculationIds(b);
        List<String> aLogged = loggedIds(a);
        long aLastPosition = jdbc.sql("select max(position) from event_log where institution_id = ?").param(a)
                .query(Long.class).single();
        assertThat(aRecalculations).isNotEmpty();
        assertThat(aLogged).containsExactlyInAnyOrderElementsOf(aEvents);

        // Who: the institution's auditor (or administrator); an analyst is refused, the platform admin has no institution.
        String replay = "/api/costing/institution/replay";
        HttpResponse<String> analyst = api.request("POST", replay).tenant(a).user("analista").roles("analyst").send();
        assertThat(analyst.statusCode()).isEqualTo(403);
        assertThat(analyst.body()).contains("auth.forbidden");
        HttpResponse<String> platformAdmin = api.request("POST", replay).user("admin").roles("platform-admin").send();
        assertThat(platformAdmin.statusCode()).isEqualTo(401);
        assertThat(platformAdmin.body()).contains("auth.institution-missing");
        assertThat(api.request("GET", replay).tenant(a).user("auditora").roles("auditor").send().statusCode())
                .as("no institution replay yet").isEqualTo(404);

        // A deployment-wide replay still running: 409, nothing touched.
        long running = jdbc.sql("insert into replay_run (started_at, targets) values (now(), ?) returning id")
                .param("{\"ppi.survey.events-0\": 999999999}").query(Long.class).single();
        try {
            HttpResponse<String> conflict = api.request("POST", replay).tenant(a).user("auditora").roles("auditor").send();
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.body()).contains("replay.running");
        } finally {
            jdbc.sql("delete from replay_run where id = ?").param(running).update();
        }

        // A replay that fails half-way (an event this version cannot read would leave the log) rolls back whole.
        jdbc.sql("insert into event_log (event_id, topic, event_type, institution_id, recorded_at, payload) "
                + "values ('replay-unknown-type', ?, 'org.ppi.unknown.v1', ?, now(), '{}')").params(Topics.SURVEY, a).update();
        try {
            assertThat(api.request("POST", replay).tenant(a).user("auditora").roles("auditor").send().statusCode())
                    .isEqualTo(500);
        } finally {
            jdbc.sql("delete from event_log where event_id = 'replay-unknown-type'").update();
        }
        assertThat(recalculationIds(a)).as("rolled back: not rewritten").isEqualTo(aRecalculationIds);
        assertThat(figureRows(a)).isEqualTo(aRows);
        assertThat(figures(a)).isEqualTo(aFigures);

        HttpResponse<String> response = api.request("POST", replay).tenant(a).user("auditora").roles("auditor").send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode result = json.readTree(response.body());
        assertThat(result.path("institutionId").asString()).isEqualTo(a);
        assertThat(result.path("events").asLong()).isEqualTo(aEvents.size());
        assertThat(result.path("millis").isNumber()).isTrue();
        System.out.printf("Institution replay: %d events in %d ms (%s events/s)%n", result.path("events").asLong(),
                result.path("millis").asLong(), result.path("eventsPerSecond"));

        // A: the same figures to the cent, rows and history rebuilt (new recalculation ids and log positions).
        assertThat(figures(a)).isEqualTo(aFigures);
        // Rows name the settle that last wrote them (version, causing event, its time): a replay settles the
        // institution once per recording instant, in recording order, while live delivery may have folded an event
        // after a later-recorded one of another topic, so those may differ; everything a figure says is the same.
        assertThat(SettledRows.batchFree(figureRows(a))).as("same rows but for the settling batch")
                .isEqualTo(SettledRows.batchFree(aRows));
        assertThat(versionRows(a)).as("versions rebuilt").isNotEmpty().allMatch(r -> r.startsWith(a + " "));
        assertThat(finalValues(recalculations(a))).as("every figure's last recorded value").isNotEmpty()
                .isEqualTo(finalValues(aRecalculations));
        assertThat(recalculationIds(a)).as("recalculation log rewritten").allMatch(id -> id > last(bRecalculationIds)
                && id > last(aRecalculationIds));
        assertThat(loggedIds(a)).as("same events in the same order").isEqualTo(aLogged);
        assertThat(jdbc.sql("select min(position) from event_log where institution_id = ?").param(a).query(Long.class)
                .single()).as("event log rewritten").isGreaterThan(aLastPosition);
        JsonNode lineage = getAs("/api/costing/products/ra-p1/lineage", a);
        List<String> lineageIds = new ArrayList<>();
        lineage.path("events").forEach(e -> lineageIds.add(e.path("eventId").asString()));
        assertThat(lineageIds).containsExactlyInAnyOrderElementsOf(aEvents);
        assertThat(getArray("/api/costing/events?id=" + last(aEvents), a)).hasSize(1);
        // B: untouched.
        assertThat(figures(b)).isEqualTo(bFigures);
        assertThat(figureRows(b)).isEqualTo(bRows);
        assertThat(versionRows(b)).isNotEmpty().isEqualTo(bVersions);
        assertThat(recalculations(b)).isEqualTo(bRecalculations);
        assertThat(recalculationIds(b)).isEqualTo(bRecalculationIds);
        assertThat(loggedIds(b)).containsExactlyInAnyOrderElementsOf(bEvents);

        JsonNode last = json.readTree(api.request("GET", replay).tenant(a).user("directora").roles("institution-admin")
                .send().body());
        assertThat(last.path("events").asLong()).isEqualTo(aEvents.size());
        assertThat(last.path("replayedBy").asString()).isEqualTo("auditora");

        // Idempotent: a second replay, by the institution's administrator, gives the same again — to the row, as
        // a replay settles the same events in the same batches.
        List<Long> firstReplayIds = recalculationIds(a);
        String replayedRows = figureRows(a);
        List<String> replayedVersions = versionRows(a);
        List<String> replayedRecalculations = recalculations(a);
        assertThat(api.request("POST", replay).tenant(a).user("directora").roles("institution-admin").send().statusCode())
                .isEqualTo(200);
        assertThat(figures(a)).isEqualTo(aFigures);
        assertThat(figureRows(a)).isEqualTo(replayedRows);
        assertThat(versionRows(a)).as("the same versions, to the byte").isEqualTo(replayedVersions);
        assertThat(recalculations(a)).isEqualTo(replayedRecalculations);
        assertThat(recalculationIds(a)).doesNotContainAnyElementsOf(firstReplayIds);
        assertThat(figureRows(b)).isEqualTo(bRows);

        // The consumers go on from their offsets, with A's ledger folded again from the rebuilt log.
        CloudEvent change = send(Topics.SURVEY, new TimeAllocated(a, "entrevistador", "ra-i1", "ra-c1", "ra-e0",
                "ra-p1", BigDecimal.valueOf(2)));
        JsonNode changed = Await.until("the change after the replay", Duration.ofSeconds(60),
                () -> getAs("/api/costing/products/ra-p1", a), p -> p.path("causationEventId").asString().equals(change.getId()));
        assertThat(changed.path("direct").decimalValue()).isEqualByComparingTo("442105.26");
        assertThat(figureRows(b)).isEqualTo(bRows);
    }

    /** An institution of the seed's shape (one center, five employees, one product): the ids of its events. */
    /**
     * Ids are each institution's own: two institutions use the same center, employee and product ids with different
     * hours, and each keeps its own figures, rows and lineage (one figure table row per institution and id).
     */
    @Test
    void theSameIdsInTwoInstitutionsKeepTheirOwnFigures() throws Exception {
        String a = "same-ids-a-it";
        String b = "same-ids-b-it";
        List<String> aEvents = seedSameIds(a, 10);
        List<String> bEvents = seedSameIds(b, 30);
        JsonNode aProduct = Await.until("A's same-p1", Duration.ofSeconds(60),
                () -> getAs("/api/costing/products/same-p1", a), p -> p.path("direct").isNumber()
                        && p.path("direct").decimalValue().signum() > 0);
        JsonNode bProduct = Await.until("B's same-p1", Duration.ofSeconds(60),
                () -> getAs("/api/costing/products/same-p1", b), p -> p.path("direct").isNumber()
                        && p.path("direct").decimalValue().signum() > 0);
        assertThat(aProduct.path("direct").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(bProduct.path("direct").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(aProduct.path("productName").asString()).isEqualTo("Informe de " + a);
        assertThat(bProduct.path("productName").asString()).isEqualTo("Informe de " + b);

        JsonNode aEmployee = getAs("/api/costing/employees/same-e1", a);
        JsonNode bEmployee = getAs("/api/costing/employees/same-e1", b);
        assertThat(aEmployee.path("employeeName").asString()).isEqualTo("Ana de " + a);
        assertThat(aEmployee.path("allocatedCost").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(aEmployee.path("unusedCost").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(bEmployee.path("allocatedCost").decimalValue()).isEqualByComparingTo("900000.00");
        assertThat(bEmployee.path("unusedCost").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(getAs("/api/costing/centers/same-c1", a).path("allocatedCost").decimalValue())
                .isEqualByComparingTo("300000.00");
        assertThat(getAs("/api/costing/centers/same-c1", b).path("allocatedCost").decimalValue())
                .isEqualByComparingTo("900000.00");

        assertThat(jdbc.sql("select count(*) from product_cost where product_id = 'same-p1'").query(Long.class).single())
                .isEqualTo(2);
        List<String> aLineage = new ArrayList<>();
        getAs("/api/costing/products/same-p1/lineage", a).path("events")
                .forEach(e -> aLineage.add(e.path("eventId").asString()));
        assertThat(aLineage).isNotEmpty().allMatch(aEvents::contains).noneMatch(bEvents::contains);
        assertThat(getArray("/api/costing/events?id=" + last(bEvents), a)).as("B's event is unknown to A").isEmpty();

        // The downloads hold A's rows alone, headers in the caller's language, amounts as numeric cells with the JSON's
        // cents; a center named like a formula stays text behind an apostrophe, in CSV and in XLSX.
        String formula = "=HYPERLINK(\"http://x\")";
        send(Topics.SURVEY, new CenterRenamed(a, "admin", "same-c1", formula));
        Await.until("A's center renamed", Duration.ofSeconds(60), () -> getAs("/api/costing/centers/same-c1", a),
                c -> c.path("centerName").asString().equals(formula));
        HttpResponse<byte[]> xlsx = api.request("GET", "/api/costing/products?format=xlsx&basis=all").tenant(a)
                .language("en").sendForBytes();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"costos-por-producto_same-ids-a-it_\\d{4}-\\d\\d-\\d\\d\\.xlsx\"");
        XlsxSheet sheet = XlsxSheet.read(xlsx.body());
        assertThat(sheet.headers()).startsWith("Product id", "Product", "Center");
        Object direct = sheet.cell("Employee", "Product total", "Direct cost");
        assertThat(direct).isInstanceOf(BigDecimal.class);
        assertThat((BigDecimal) direct).isEqualByComparingTo("300000.00")
                .isEqualByComparingTo(getAs("/api/costing/products/same-p1", a).path("direct").decimalValue());
        assertThat(sheet.format(2, sheet.headers().indexOf("Direct cost"))).isEqualTo("#,##0.00");
        assertThat(sheet.cell(1, 2)).isEqualTo("'" + formula);
        assertThat(sheet.text()).contains("Informe de " + a).doesNotContain(b);
        String centers = api.request("GET", "/api/costing/centers?format=csv").tenant(a).send().body();
        assertThat(centers).startsWith("\uFEFFId centro,Centro,Área,Funcionarios,Nómina")
                .contains("\"'=HYPERLINK(\"\"http://x\"\")\"").contains(",300000.00,").doesNotContain(b);
        XlsxSheet institution = XlsxSheet.read(api.request("GET", "/api/costing/institution?format=xlsx").tenant(a)
                .sendForBytes().body());
        assertThat(institution.headers()).startsWith("Id institución", "Institución");
        assertThat((BigDecimal) institution.cell("Id institución", a, "Costo total")).isEqualByComparingTo("1200000.00")
                .isEqualByComparingTo(getAs("/api/costing/institution", a).path("totalCost").decimalValue());
        HttpResponse<String> unknown = api.request("GET", "/api/costing/employees?format=pdf").tenant(a).send();
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("export.format-unknown");
    }

    /**
     * One event costing cannot apply (here: of a type this version does not know, as a producer upgraded before its
     * consumers would publish) stops only its institution: it is parked with the reason, that institution's later
     * events wait behind it and its answers say PPI-Stale, while another institution's allocation reaches its
     * figures; the operator skips it with a reason and retries, and the institution is current again.
     */
    @Test
    void anEventCostingCannotApplyIsParkedAndOnlyItsInstitutionWaits() throws Exception {
        String a = "park-a-it";
        String b = "park-b-it";
        seedSameIds(a, 10);
        seedSameIds(b, 10);
        for (String tenant : List.of(a, b)) {
            Await.until(tenant + "'s figures", Duration.ofSeconds(60), () -> getAs("/api/costing/products/same-p1", tenant),
                    p -> p.path("direct").isNumber() && p.path("direct").decimalValue().compareTo(new BigDecimal("300000.00")) == 0);
        }
        clock = clock.plusSeconds(1);
        CloudEvent future = io.cloudevents.core.builder.CloudEventBuilder.v1().withId("park-future-1")
                .withType("org.ppi.survey.SomethingNew.v9").withSource(CloudEventPublisher.SOURCE).withSubject("same-e1")
                .withTime(clock.atOffset(java.time.ZoneOffset.UTC)).withData("{\"institutionId\":\"park-a-it\"}".getBytes())
                .withExtension(org.ppi.contracts.CloudEventExtensions.TENANT, a)
                .withExtension(org.ppi.contracts.CloudEventExtensions.RECORDED, clock.toString()).build();
        CloudEventPublisher.send(kafka, Topics.SURVEY, a, future);
        CloudEvent aBehind = send(Topics.SURVEY, new TimeAllocated(a, "entrevistador", "same-i1", "same-c1", "same-e1",
                "same-p1", BigDecimal.valueOf(20)));
        CloudEvent bChange = send(Topics.SURVEY, new TimeAllocated(b, "entrevistador", "same-i1", "same-c1", "same-e1",
                "same-p1", BigDecimal.valueOf(20)));

        // B goes on: its allocation reaches its figures; A's waits behind the parked event, and A's answers say so
        Await.until("B's change", Duration.ofSeconds(60), () -> getAs("/api/costing/products/same-p1", b),
                p -> p.path("direct").decimalValue().compareTo(new BigDecimal("600000.00")) == 0);
        JsonNode parkedList = Await.until("A's events parked", Duration.ofSeconds(60),
                () -> json.readTree(api.request("GET", "/api/costing/admin/parked").user("admin").roles("platform-admin")
                        .send().body()), l -> l.size() == 2);
        assertThat(parkedList.get(0).path("eventId").asString()).isEqualTo("park-future-1");
        assertThat(parkedList.get(0).path("reason").asString()).contains("unknown event type");
        assertThat(parkedList.get(1).path("eventId").asString()).isEqualTo(aBehind.getId());
        assertThat(parkedList.get(1).path("blockedBy").asString()).isEqualTo("park-future-1");
        HttpResponse<String> aAnswer = api.request("GET", "/api/costing/products/same-p1").tenant(a).user("auditor").send();
        assertThat(aAnswer.headers().firstValue("PPI-Stale")).contains("true");
        assertThat(json.readTree(aAnswer.body()).path("direct").decimalValue()).isEqualByComparingTo("300000.00");
        assertThat(api.request("GET", "/api/costing/products/same-p1").tenant(b).user("auditor").send()
                .headers().firstValue("PPI-Stale")).isEmpty();
        assertThat(api.request("GET", "/api/costing/admin/parked").tenant(a).user("auditora").roles("auditor").send()
                .statusCode()).as("the operator's alone").isEqualTo(403);

        // the operator: a skip needs a reason; then a retry applies what waited, in order
        assertThat(api.request("POST", "/api/costing/admin/parked/park-future-1/skip").user("admin").roles("platform-admin")
                .body(java.util.Map.of()).send().statusCode()).isEqualTo(400);
        assertThat(api.request("POST", "/api/costing/admin/parked/park-future-1/skip").user("admin").roles("platform-admin")
                .body(java.util.Map.of("reason", "tipo de evento de una versión futura")).send().statusCode()).isEqualTo(200);
        HttpResponse<String> retry = api.request("POST", "/api/costing/admin/parked/institutions/" + a + "/retry")
                .user("admin").roles("platform-admin").send();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(json.readTree(retry.body()).path("applied").asInt()).isEqualTo(1);
        JsonNode aNow = getAs("/api/costing/products/same-p1", a);
        assertThat(aNow.path("direct").decimalValue()).isEqualByComparingTo("600000.00");
        assertThat(api.request("GET", "/api/costing/products/same-p1").tenant(a).user("auditor").send()
                .headers().firstValue("PPI-Stale")).isEmpty();
        assertThat(bChange.getId()).isNotEqualTo(aBehind.getId());
    }

    private List<String> seedSameIds(String tenant, int hours) throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(send(Topics.SURVEY, new InstitutionRegistered(tenant, "admin", "Institución " + tenant, "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC)).getId());
        ids.add(send(Topics.SURVEY, new CenterRegistered(tenant, "admin", "same-c1", "Dirección de " + tenant, null,
                CenterArea.SUBSTANTIVE, null, null, null, null)).getId());
        ids.add(send(Topics.SURVEY, new EmployeeRegistered(tenant, "admin", "same-e1", "same-c1", "Ana de " + tenant, null,
                new BigDecimal("1200000.00"), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1))).getId());
        ids.add(send(Topics.CATALOG, new ProductRegistered(tenant, "admin", "same-p1", "same-c1", "Informe de " + tenant,
                ProductType.TERMINAL, true, BigDecimal.ONE, "informe",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null))).getId());
        ids.add(send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", "same-i1", "same-c1", "same-e1", "same-p1",
                BigDecimal.valueOf(hours))).getId());
        return ids;
    }

    private List<String> seedInstitution(String tenant, String prefix) throws Exception {
        List<String> ids = new ArrayList<>();
        ids.add(send(Topics.SURVEY, new InstitutionRegistered(tenant, "admin", "Institución " + prefix, "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC)).getId());
        ids.add(send(Topics.SURVEY, new CenterRegistered(tenant, "admin", prefix + "-c1", "Dirección", null,
                CenterArea.SUPPORT, null, null, null, null)).getId());
        for (int i = 0; i < COSTS.length; i++) {
            ids.add(send(Topics.SURVEY, new EmployeeRegistered(tenant, "admin", prefix + "-e" + i, prefix + "-c1",
                    "Funcionario " + i, null, new BigDecimal(COSTS[i]), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1))).getId());
        }
        ids.add(send(Topics.CATALOG, new ProductRegistered(tenant, "admin", prefix + "-p1", prefix + "-c1", "Informe",
                ProductType.TERMINAL, true, BigDecimal.ONE, "informe",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null))).getId());
        for (int i = 0; i < HOURS.length; i++) {
            ids.add(send(Topics.SURVEY, new TimeAllocated(tenant, "entrevistador", prefix + "-i1", prefix + "-c1",
                    prefix + "-e" + i, prefix + "-p1", BigDecimal.valueOf(HOURS[i]))).getId());
        }
        return ids;
    }

    /** Every stored figure row of the institution, every column (version, causing event, time) included. */
    /** The institution's figure versions (what as-of queries read), every column, in key order. */
    private List<String> versionRows(String tenant) {
        return jdbc.sql("select institution_id || ' ' || kind || ' ' || figure_id || ' ' || valid_from || ' ' || "
                        + "coalesce(valid_until::text, '-') || ' ' || coalesce(detail, 'null') from figure_version "
                        + "where institution_id = ? order by kind, figure_id, valid_from")
                .param(tenant).query(String.class).list();
    }

    private String figureRows(String tenant) {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("product_cost", "employee_cost", "center_cost", "institution_cost")) {
            jdbc.sql("select * from " + table + " where institution_id = ? order by 1").param(tenant).query()
                    .listOfRows().forEach(r -> rows.append(table).append(' ').append(r).append('\n'));
        }
        return rows.toString();
    }

    /**
     * What Prometheus scrapes, without a token, on the service's own port: while the survey binding is stopped the
     * topic's consumer lag counts the waiting records; once they are applied it is back to 0, the events-applied
     * counter has grown by them and the institution's recording-to-figures delay is there.
     */
    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void prometheusShowsTheLagWhileEventsWaitThenTheEventsAppliedAndTheInstitutionsDelay(
            org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String tenant = "metrics-it";
        String survey = "topic=\"" + Topics.SURVEY + "\"";
        double appliedBefore = metric(scrape(), "ppi_projection_events_applied_total", survey).orElse(0.0);
        bindings.changeState("inputs-in-0", BindingsLifecycleController.State.STOPPED);
        try {
            // recorded by one traced command: each record carries its trace (CloudEvents distributed tracing extension)
            sendTraced(new InstitutionRegistered(tenant, "admin", "Instituto Métrico", "DO", "IM", 2026,
                    BigDecimal.valueOf(40), CostingMethod.CLASSIC));
            sendTraced(new CenterRegistered(tenant, "admin", "m-c1", "Centro", null, CenterArea.SUPPORT,
                    null, null, null, null));
            sendTraced(new EmployeeRegistered(tenant, "admin", "m-e1", "m-c1", "Funcionaria", null,
                    new BigDecimal("1000000.00"), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
            Await.until("the survey topic's lag counts the 3 waiting records", Duration.ofSeconds(30), this::scrape,
                    text -> metric(text, "ppi_projection_lag_records", survey).orElse(0.0) >= 3);
        } finally {
            bindings.changeState("inputs-in-0", BindingsLifecycleController.State.STARTED);
        }
        String after = Await.until("the 3 records applied", Duration.ofSeconds(60), this::scrape,
                text -> metric(text, "ppi_projection_lag_records", survey).orElse(-1.0) == 0
                        && metric(text, "ppi_projection_events_applied_total", survey).orElse(0.0) >= appliedBefore + 3);
        assertThat(metric(after, "ppi_projection_institution_lag_seconds", "institution=\"" + tenant + "\""))
                .as("recorded at the test's clock, applied now").hasValueSatisfying(seconds -> assertThat(seconds).isPositive());
        assertThat(metric(after, "ppi_projection_parked_events", "projection=\"costing\"")).isPresent();
        assertThat(metric(after, "ppi_outbox_pending_events", "projection=\"costing\"")).isPresent();
        assertThat(after).contains("http_server_requests_seconds_count");
        // the projection continued the record's trace: the line settling the institution's figures carries its id
        Await.until("the settle line in the event's trace", Duration.ofSeconds(10), () -> output.getOut().lines()
                .anyMatch(l -> l.contains("trace=" + TRACE_ID) && l.contains("figures of institution " + tenant + " settled")));
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private void sendTraced(PpiEvent event) throws Exception {
        clock = clock.plusSeconds(1);
        CloudEventPublisher.send(kafka, Topics.SURVEY, event.institutionId(), io.cloudevents.core.builder.CloudEventBuilder.v1()
                .withId(java.util.UUID.randomUUID().toString()).withType(org.ppi.contracts.EventTypes.typeOf(event.getClass()))
                .withSource(CloudEventPublisher.SOURCE).withSubject(event.aggregateId())
                .withTime(clock.atOffset(java.time.ZoneOffset.UTC)).withData(json.writeValueAsBytes(event))
                .withExtension(org.ppi.contracts.CloudEventExtensions.TENANT, event.institutionId())
                .withExtension(org.ppi.contracts.CloudEventExtensions.RECORDED, clock.toString())
                .withExtension(org.ppi.contracts.CloudEventExtensions.TRACEPARENT, TRACEPARENT).build());
    }

    private String scrape() throws Exception {
        HttpResponse<String> response = api.request("GET", "/actuator/prometheus").noToken().send();
        assertThat(response.statusCode()).as("the scraper needs no token: %s", response.body()).isEqualTo(200);
        return response.body();
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    private static java.util.Optional<Double> metric(String text, String name, String label) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.substring(0, line.indexOf('}') + 1).contains(label)) {
                return java.util.Optional.of(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return java.util.Optional.empty();
    }

    /** The last value the recalculation log recorded for each figure and measure. */
    private static java.util.Map<String, String> finalValues(List<String> recalculations) {
        java.util.Map<String, String> last = new java.util.TreeMap<>();
        for (String row : recalculations) {
            java.util.regex.Matcher m = java.util.regex.Pattern
                    .compile("figure_kind=([^,]+), figure_key=([^,]+), measure=([^,]+), old_value=[^,]*, new_value=([^,]*),")
                    .matcher(row);
            if (m.find()) {
                last.put(m.group(1) + "/" + m.group(2) + "/" + m.group(3), m.group(4));
            }
        }
        return last;
    }

    private List<String> recalculations(String tenant) {
        return jdbc.sql("select figure_kind, figure_key, measure, old_value, new_value, causation_event_id, acting_user, "
                        + "effective_at from recalculation_log where institution_id = ? order by id").param(tenant)
                .query().listOfRows().stream().map(Object::toString).toList();
    }

    private static <T> T last(List<T> list) {
        return list.get(list.size() - 1);
    }

    private List<Long> recalculationIds(String tenant) {
        return jdbc.sql("select id from recalculation_log where institution_id = ? order by id").param(tenant)
                .query(Long.class).list();
    }

    private List<String> loggedIds(String tenant) {
        return jdbc.sql("select event_id from event_log where institution_id = ? order by position").param(tenant)
                .query(String.class).list();
    }

    /**
     * A lineage is answered a page at a time with its total; the pages are disjoint and cover it; a bad page or size is
     * a precise 400; the published figure events carry the lineage's size and the path that pages it, never the list.
     */
    private void pagesTheLineageAndPublishesItsSizeAndReference(String changeId) throws Exception {
        String path = "/api/costing/products/dp-p1/lineage";
        JsonNode whole = get(path);
        int total = whole.path("totalItems").asInt();
        assertThat(total).isEqualTo(whole.path("events").size()).isEqualTo(sentIds.size());
        assertThat(whole.path("page").asInt()).isZero();
        assertThat(whole.path("size").asInt()).isEqualTo(100);
        List<String> paged = new ArrayList<>();
        assertThat(total).as("more than one page of 4").isGreaterThan(8);
        for (int page = 0; page < (total + 3) / 4; page++) {
            JsonNode one = get(path + "?size=4&page=" + page);
            assertThat(one.path("totalItems").asInt()).isEqualTo(total);
            assertThat(one.path("totalPages").asInt()).isEqualTo((total + 3) / 4);
            assertThat(one.path("events").size()).isEqualTo(Math.max(0, Math.min(4, total - 4 * page)));
            one.path("events").forEach(e -> paged.add(e.path("eventId").asString()));
        }
        List<String> inOrder = new ArrayList<>();
        whole.path("events").forEach(e -> inOrder.add(e.path("eventId").asString()));
        assertThat(paged).as("pages in the lineage's order, none repeated").isEqualTo(inOrder);
        assertThat(get(path + "?size=4&page=9").path("events")).isEmpty();
        // the same lineage whether the projection's state in memory answers it, the log folded now (the state not in
        // memory here), or the log folded up to now (asOf)
        ledgers.evict(TENANT);
        assertThat(get(path).path("events")).isEqualTo(whole.path("events"));
        assertThat(get(path + "?asOf=" + clock.plusSeconds(1)).path("events")).isEqualTo(whole.path("events"));
        assertThat(get(path + "?asOf=" + clock.plusSeconds(1)).path("totalItems").asInt()).isEqualTo(total);
        HttpResponse<String> negative = api.request("GET", path + "?page=-1").tenant(TENANT).send();
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("request.page-negative").contains("La página no puede ser negativa");
        HttpResponse<String> tooLarge = api.request("GET", path + "?size=5000").tenant(TENANT).language("en").send();
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(tooLarge.body()).contains("request.page-size").contains("Page size must be between 1 and");
        assertThat(api.request("GET", path + "?size=0").tenant(TENANT).send().statusCode()).isEqualTo(400);

        JsonNode product = published("ProductCostRecalculated", changeId);
        assertThat(product.has("lineage")).as("the list is no longer published").isFalse();
        assertThat(product.path("lineageSize").asInt()).isEqualTo(total);
        assertThat(product.path("lineageRef").asString()).isEqualTo(path);
        JsonNode institution = published("InstitutionCostRecalculated", changeId);
        assertThat(institution.path("lineageRef").asString()).isEqualTo("/api/costing/institution/lineage");
        assertThat(institution.path("lineageSize").asInt())
                .isEqualTo(get("/api/costing/institution/lineage").path("totalItems").asInt());
        JsonNode employee = published("EmployeeCostRecalculated", changeId);
        assertThat(employee.path("lineageRef").asString()).isEqualTo("/api/costing/employees/dp-e0/lineage");
        assertThat(employee.path("lineageSize").asInt())
                .isEqualTo(get("/api/costing/employees/dp-e0/lineage").path("totalItems").asInt());
    }

    /** The payload of the costing event of that type the outbox holds for a causing event. */
    private JsonNode published(String name, String causationId) throws Exception {
        String payload = awaitValue(() -> jdbc.sql("select payload from outbox where event_type = ? and causation_id = ?")
                .params("org.ppi.costing." + name + ".v1", causationId).query(String.class).optional().orElse(null));
        return json.readTree(payload);
    }

    private static <T> T awaitValue(java.util.function.Supplier<T> read) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        T value = read.get();
        while (value == null && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        assertThat(value).as("awaited").isNotNull();
        return value;
    }

    private String figures() throws Exception {
        return figures(TENANT);
    }

    private String figures(String tenant) throws Exception {
        JsonNode page = getAs("/api/costing/products?sort=name", tenant);
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(p -> rows.add(p.path("productId").asString() + "=" + p.path("direct").decimalValue()
                + "/" + p.path("fullCost").decimalValue() + "/" + p.path("rows").toString()));
        JsonNode institution = getAs("/api/costing/institution", tenant);
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
