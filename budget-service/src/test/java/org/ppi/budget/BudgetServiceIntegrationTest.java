package org.ppi.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicReader.header;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import io.cloudevents.CloudEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.budget.state.WorkedExample;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.Topics;
import org.ppi.contracts.budget.ProgramBudgetRecalculated;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.SettledRows;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.XlsxSheet;
import org.ppi.platform.testing.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * budget-service fed through a real (in-process KRaft) broker and storing in a real PostgreSQL: DOMAIN.md's
 * worked example as costing and value chain publish it, to the cent; redelivery without effect; as-of before
 * and after a planned volume; tenant isolation; the CSV export; the published budget events; and a replay
 * that rebuilds the same figures; and an auditor's replay of his own institution that rebuilds it alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ppi.projection.outbox-interval-ms=100")
@EmbeddedKafka(topics = {Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY, Topics.BUDGET}, partitions = 3,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class BudgetServiceIntegrationTest {
    private static final String TENANT = "defensoria-budget-it";
    private static final String YEAR = "fiscalYear=2026";

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
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedKafkaBroker broker;

    private ApiClient api;
    private Instant clock = Instant.parse("2026-02-01T09:00:00Z");

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    @Test
    void budgetsTheWorkedExampleTraceablyIdempotentlyAsOfAndAfterReplay() throws Exception {
        Map<String, String> ids = new java.util.HashMap<>();
        for (PpiEvent event : WorkedExample.valueChain(TENANT)) {
            send(Topics.VALUECHAIN, event);
        }
        CloudEvent p1Cost = null;
        for (PpiEvent event : WorkedExample.costing(TENANT, CostingMethod.CLASSIC)) {
            CloudEvent sent = send(Topics.COSTING, event);
            ids.put(event.aggregateId(), sent.getId());
            p1Cost = "P1".equals(event.aggregateId()) ? sent : p1Cost;
        }

        JsonNode summary = await("/api/budget/summary?" + YEAR, s -> s.path("reconciles").asBoolean()
                && s.path("programsTotal").decimalValue().compareTo(new java.math.BigDecimal("3323000")) == 0);
        assertThat(summary.path("total").decimalValue()).isEqualByComparingTo("4180000");
        assertThat(summary.path("costingTotalCost").decimalValue()).isEqualByComparingTo("4180000");
        assertThat(summary.path("centralActions").decimalValue()).isEqualByComparingTo("170000");
        assertThat(summary.path("unusedCapacity").decimalValue()).isEqualByComparingTo("687000");
        assertThat(summary.path("roundingResidue").decimalValue()).isEqualByComparingTo("0");
        assertThat(summary.path("lines").get(1).path("label").asString()).isEqualTo("Acciones centrales");

        JsonNode programs = get("/api/budget/programs?" + YEAR + "&sort=budget,desc");
        assertThat(programs.path("totalItems").asInt()).isEqualTo(2);
        assertThat(programs.path("items").get(0).path("programId").asString()).isEqualTo("PR1");
        assertThat(programs.path("items").get(0).path("budget").decimalValue()).isEqualByComparingTo("2815000");
        assertThat(programs.path("items").get(1).path("budget").decimalValue()).isEqualByComparingTo("508000");

        JsonNode lineage = get("/api/budget/programs/PR1/lineage?" + YEAR);
        List<String> lineageIds = new ArrayList<>();
        lineage.path("events").forEach(e -> lineageIds.add(e.path("eventId").asString()));
        assertThat(lineageIds).contains(ids.get("P1")).doesNotContain(ids.get("P2"));
        assertThat(lineage.path("events").get(0).path("actingUser").asString()).isEqualTo(WorkedExample.USER);
        // the costing figure it rests on, by reference: the costing event read, its cause, where its lineage is paged
        assertThat(lineage.path("totalCostingFigures").asInt()).isEqualTo(1);
        JsonNode p1 = lineage.path("costingFigures").get(0);
        assertThat(p1.path("figureKind").asString()).isEqualTo("PRODUCT");
        assertThat(p1.path("figureId").asString()).isEqualTo("P1");
        assertThat(p1.path("costingEventId").asString()).isEqualTo(ids.get("P1"));
        assertThat(p1.path("causationEventId").asString()).isEqualTo("cause-P1");
        assertThat(p1.path("lineageRef").asString()).isEqualTo("/api/costing/products/P1/lineage");
        assertThat(lineage.path("totalItems").asInt()).isEqualTo(lineageIds.size());
        JsonNode firstPage = get("/api/budget/programs/PR1/lineage?" + YEAR + "&size=1");
        assertThat(firstPage.path("events")).hasSize(1);
        assertThat(firstPage.path("totalPages").asInt()).isEqualTo(lineageIds.size());
        assertThat(get("/api/budget/programs/PR1/lineage?" + YEAR + "&size=1&page=1").path("costingFigures"))
                .as("the one reference is on the first page").isEmpty();
        HttpResponse<String> badPage = raw("/api/budget/programs/PR1/lineage?" + YEAR + "&page=-2", "es");
        assertThat(badPage.statusCode()).isEqualTo(400);
        assertThat(badPage.body()).contains("request.page-negative").contains("La página no puede ser negativa");

        long logged = get("/api/budget/recalculations?size=1").path("totalItems").asLong();
        long outbox = jdbc.sql("select count(*) from outbox").query(Long.class).single();
        RecordMetadata redelivered = CloudEventPublisher.send(kafka, Topics.COSTING, TENANT, p1Cost);
        awaitOffset(redelivered);
        assertThat(get("/api/budget/recalculations?size=1").path("totalItems").asLong())
                .as("the redelivered event changed nothing").isEqualTo(logged);
        assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).isEqualTo(outbox);

        Instant beforePlan = clock;
        CloudEvent plan = send(Topics.VALUECHAIN, WorkedExample.plan(TENANT, "PR1", "P1", 2026, 1_500));
        JsonNode pr1 = await("/api/budget/programs/PR1?" + YEAR, p -> plan.getId().equals(p.path("causationEventId").asString()));
        assertThat(pr1.path("budget").decimalValue()).isEqualByComparingTo("3518750");
        assertThat(pr1.path("contributions").get(0).path("basis").asString()).isEqualTo("PLANNED_VOLUME");
        JsonNode planned = get("/api/budget/summary?" + YEAR);
        // planned beyond current production is shown apart: the reconciliation with cost still holds
        assertThat(planned.path("total").decimalValue()).isEqualByComparingTo("4180000");
        assertThat(planned.path("reconciles").asBoolean()).isTrue();
        assertThat(planned.path("difference").decimalValue()).isEqualByComparingTo("0");
        assertThat(planned.path("plannedBeyond").decimalValue()).isEqualByComparingTo("703750");
        assertThat(planned.path("budgetTotal").decimalValue()).isEqualByComparingTo("4883750");
        assertThat(get("/api/budget/summary").path("fiscalYear").asInt()).as("the planned year is the default").isEqualTo(2026);

        assertThat(get("/api/budget/programs/PR1?" + YEAR + "&asOf=" + beforePlan).path("budget").decimalValue())
                .isEqualByComparingTo("2815000");
        assertThat(get("/api/budget/summary?" + YEAR + "&asOf=" + beforePlan).path("reconciles").asBoolean()).isTrue();
        assertThat(get("/api/budget/programs/PR1?" + YEAR + "&asOf=" + clock).path("budget").decimalValue())
                .isEqualByComparingTo("3518750");
        assertThat(get("/api/budget/programs?" + YEAR + "&asOf=" + clock + "&sort=budget,desc").path("items").get(0)
                .path("budget").decimalValue()).isEqualByComparingTo("3518750");

        assertThat(getAs("/api/budget/summary", "otra-institucion", "es").body().path("status").asInt()).isEqualTo(404);
        assertThat(getAs("/api/budget/programs/PR1", "otra-institucion", "es").body().path("status").asInt()).isEqualTo(404);
        assertThat(getAs("/api/budget/programs", "otra-institucion", "es").body().path("totalItems").asInt()).isZero();

        HttpResponse<String> csv = raw("/api/budget/structure?" + YEAR + "&format=csv", "es");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv").containsIgnoringCase("charset=UTF-8");
        List<String> rows = csv.body().lines().toList();
        assertThat(rows.get(0)).startsWith("\uFEFFCódigo de programa,Programa,Línea");
        assertThat(rows).contains("01,Atención ciudadana,Producto terminal,Quejas ciudadanas,,P1,2815000.00,1200,1500,"
                + "Volumen planificado,3518750.00");
        assertThat(rows).contains("01,Atención ciudadana,Actividad,Atención de quejas,Específica,P1,,,,,");
        assertThat(rows).contains(",,Acciones centrales,,,,,,,,170000.00");
        assertThat(rows.get(rows.size() - 1)).isEqualTo(",,Total,,,,,,,,4883750.00");
        assertThat(raw("/api/budget/structure?" + YEAR + "&format=csv", "en").body().lines().findFirst().orElse(""))
                .startsWith("\uFEFFProgram code,Program,Line");

        ConsumerRecord<String, byte[]> published = publishedBudget(plan.getId());
        ProgramBudgetRecalculated event = json.readValue(published.value(), ProgramBudgetRecalculated.class);
        assertThat(event.programId()).isEqualTo("PR1");
        assertThat(event.budget().value()).isEqualByComparingTo("3518750");
        assertThat(event.lineageRef()).isEqualTo("/api/budget/programs/PR1/lineage?fiscalYear=2026");
        assertThat(event.lineageSize()).isEqualTo(get(event.lineageRef().substring(0, event.lineageRef().indexOf('?'))
                + "?" + YEAR).path("totalItems").asInt()).isGreaterThan(1);
        assertThat(new String(published.value(), java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("\"lineage\"");
        // a costing event published before lineage by reference (its whole list, no size nor path) still reads: the
        // list is ignored, the figure's path is the one its id gives
        tools.jackson.databind.node.ObjectNode old = json.valueToTree(WorkedExample.costing(TENANT, CostingMethod.CLASSIC).get(0));
        old.remove("lineageSize");
        old.remove("lineageRef");
        old.putArray("lineage").add("sv-P1-hours").add("ct-P1-registered");
        org.ppi.contracts.costing.ProductCostRecalculated read = json.readValue(json.writeValueAsString(old),
                org.ppi.contracts.costing.ProductCostRecalculated.class);
        assertThat(read.productId()).isEqualTo("P1");
        assertThat(read.lineageRef()).isNull();
        org.ppi.budget.state.BudgetState folded = new org.ppi.budget.state.BudgetState(TENANT);
        List<PpiEvent> history = new ArrayList<>(WorkedExample.valueChain(TENANT));
        history.add(read);
        WorkedExample.envelopes(history).forEach(folded::apply);
        assertThat(folded.programLineage("PR1", 2026).costing()).extracting(c -> c.figureId() + " " + c.lineageRef())
                .containsExactly("P1 /api/costing/products/P1/lineage");

        // Roles: an analyst exports the structure, an authority reads lineage; only the platform admin replays.
        HttpResponse<String> analystCsv = api.request("GET", "/api/budget/structure?" + YEAR + "&format=csv")
                .tenant(TENANT).roles("analyst").send();
        assertThat(analystCsv.statusCode()).isEqualTo(200);
        assertThat(analystCsv.body()).contains(",,Total,,,,,,,,4883750.00");
        assertThat(api.request("GET", "/api/budget/programs/PR1/lineage?" + YEAR).tenant(TENANT).roles("authority").send()
                .statusCode()).isEqualTo(200);
        HttpResponse<String> auditorReplay = api.request("POST", "/api/budget/admin/replay").tenant(TENANT)
                .roles("auditor").send();
        assertThat(auditorReplay.statusCode()).isEqualTo(403);
        assertThat(auditorReplay.body()).contains("auth.forbidden").contains("Su rol no permite");
        HttpResponse<String> unsigned = api.request("GET", "/api/budget/summary?" + YEAR).tenant(TENANT).noToken().send();
        assertThat(unsigned.statusCode()).isEqualTo(401);
        assertThat(unsigned.body()).contains("auth.unauthenticated");

        CloudEvent apnop = send(Topics.VALUECHAIN, new org.ppi.contracts.valuechain.ApnopLineRecorded(TENANT, "u", "L1",
                2026, "Pensiones", org.ppi.contracts.valuechain.ApnopKind.PENSION, new java.math.BigDecimal("250000.50")));
        JsonNode withApnop = await("/api/budget/summary?" + YEAR,
                s -> apnop.getId().equals(s.path("causationEventId").asString()));
        assertThat(withApnop.path("apnopTotal").decimalValue()).isEqualByComparingTo("250000.50");
        assertThat(withApnop.path("apnop").get(0).path("name").asString()).isEqualTo("Pensiones");
        assertThat(withApnop.path("total").decimalValue()).as("APNOP is never production").isEqualByComparingTo("4180000");
        assertThat(withApnop.path("reconciles").asBoolean()).isTrue();
        assertThat(withApnop.path("budgetTotal").decimalValue()).isEqualByComparingTo("5133750.50");

        // The downloads: XLSX and CSV of the structure, the programs and the summary, headers in the caller's
        // language, amounts as numeric cells with the JSON's cents, a program named like a formula kept as text.
        String formula = "=HYPERLINK(\"http://x\")";
        send(Topics.VALUECHAIN, new org.ppi.contracts.valuechain.ProgramRevised(TENANT, "u", "PR2", "02", formula, null));
        await("/api/budget/programs/PR2?" + YEAR, p -> formula.equals(p.path("name").asString()));
        HttpResponse<byte[]> xlsx = api.request("GET", "/api/budget/structure?" + YEAR + "&format=xlsx").tenant(TENANT)
                .language("en").sendForBytes();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"estructura-programatica-2026_" + TENANT + "_\\d{4}-\\d\\d-\\d\\d\\.xlsx\"");
        XlsxSheet structure = XlsxSheet.read(xlsx.body());
        assertThat(structure.headers()).startsWith("Program code", "Program", "Line");
        List<Object> last = structure.rows().get(structure.rows().size() - 1);
        assertThat(last.get(2)).isEqualTo("Total");
        assertThat((BigDecimal) last.get(10)).isEqualByComparingTo("5133750.50")
                .isEqualByComparingTo(get("/api/budget/summary?" + YEAR).path("budgetTotal").decimalValue());
        assertThat(structure.format(structure.rows().size() - 1, 10)).isEqualTo("#,##0.00");
        assertThat(structure.text()).contains("'" + formula);
        XlsxSheet programsSheet = XlsxSheet.read(api.request("GET", "/api/budget/programs?" + YEAR + "&format=xlsx")
                .tenant(TENANT).sendForBytes().body());
        assertThat(programsSheet.headers()).startsWith("Id programa", "Código", "Programa");
        assertThat(programsSheet.cell("Id programa", "PR2", "Programa")).isEqualTo("'" + formula);
        assertThat((BigDecimal) programsSheet.cell("Id programa", "PR1", "Presupuesto")).isEqualByComparingTo("3518750.00");
        String summaryCsv = raw("/api/budget/summary?" + YEAR + "&format=csv", "en").body();
        assertThat(summaryCsv).startsWith("\uFEFFLine code,Line,Detail,Fiscal year,Amount\r\n")
                .contains("CENTRAL_ACTIONS,Central actions,,2026,170000.00").contains("APNOP,APNOP (allocations that result in no product),Pensiones,2026,250000.50");
        assertThat(raw("/api/budget/programs?" + YEAR + "&format=csv", "es").body()).contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        // Another institution: its own (empty) list, and no structure at all, as in JSON.
        HttpResponse<String> foreign = fetch("/api/budget/programs?" + YEAR + "&format=csv", "otra-institucion", "es");
        assertThat(foreign.statusCode()).isEqualTo(200);
        assertThat(foreign.body().lines().count()).isEqualTo(1);
        assertThat(fetch("/api/budget/structure?" + YEAR + "&format=xlsx", "otra-institucion", "en").statusCode())
                .isEqualTo(404);
        assertThat(raw("/api/budget/summary?format=ods", "en").body()).contains("export.format-unknown");

        String live = figures();
        assertThat(post("/api/budget/admin/replay").statusCode()).isEqualTo(202);
        await("/api/budget/admin/replay", s -> s.path("finished").asBoolean());
        assertThat(figures()).isEqualTo(live);
    }


    @Test
    void anAuditorReplaysHisInstitutionAloneToTheSameBudget() throws Exception {
        String a = "budget-replay-a-it";
        String b = "budget-replay-b-it";
        int aEvents = seed(a);
        int bEvents = seed(b);
        for (String tenant : List.of(a, b)) {
            int expected = tenant.equals(a) ? aEvents : bEvents;
            Await.until("all events of " + tenant, Duration.ofSeconds(60), Duration.ofMillis(100),
                    () -> jdbc.sql("select count(*) from event_log where institution_id = ?").param(tenant)
                            .query(Long.class).single(), n -> n == expected);
            Await.until("the budget of " + tenant, Duration.ofSeconds(60), () -> getAs("/api/budget/summary?" + YEAR,
                    tenant, "es").body(), s -> s.path("reconciles").asBoolean());
        }
        String aFigures = figures(a);
        String aRows = budgetRows(a);
        String bRows = budgetRows(b);
        List<Long> aIds = jdbc.sql("select id from recalculation_log where institution_id = ? order by id").param(a)
                .query(Long.class).list();
        List<Long> bIds = jdbc.sql("select id from recalculation_log where institution_id = ? order by id").param(b)
                .query(Long.class).list();
        assertThat(aFigures).contains("PR1=2815000");

        String replay = "/api/budget/institution/replay";
        assertThat(api.request("POST", replay).tenant(a).roles("analyst").send().statusCode()).isEqualTo(403);
        HttpResponse<String> response = api.request("POST", replay).tenant(a).user("auditora").roles("auditor").send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(json.readTree(response.body()).path("events").asLong()).isEqualTo(aEvents);

        // the replay settles the institution once (one batch): rows name that batch, the figures are the same
        assertThat(figures(a)).isEqualTo(aFigures);
        assertThat(SettledRows.batchFree(budgetRows(a))).isEqualTo(SettledRows.batchFree(aRows));
        List<Long> rewritten = jdbc.sql("select id from recalculation_log where institution_id = ? order by id").param(a)
                .query(Long.class).list();
        assertThat(rewritten).isNotEmpty().doesNotContainAnyElementsOf(aIds);
        String replayedRows = budgetRows(a);
        assertThat(budgetRows(b)).isEqualTo(bRows);
        assertThat(jdbc.sql("select id from recalculation_log where institution_id = ? order by id").param(b)
                .query(Long.class).list()).isEqualTo(bIds);
        assertThat(api.request("POST", replay).tenant(a).user("auditora").roles("auditor").send().statusCode())
                .isEqualTo(200);
        assertThat(figures(a)).isEqualTo(aFigures);
        assertThat(budgetRows(a)).as("a replay settles the same events in the same batch").isEqualTo(replayedRows);
        assertThat(budgetRows(b)).isEqualTo(bRows);
    }

    @Test
    void theDefaultYearIsTheInstitutionsOwnFiscalYearReadFromTheSurveyTopic() throws Exception {
        String tenant = "budget-year-it";
        clock = Instant.parse("2019-02-01T09:00:00Z");
        seed(tenant);
        // before the institution's setting arrives: the year its events were recorded (the test clock's), not today's
        int recorded = 2019;
        Await.until("a budget", Duration.ofSeconds(60), () -> getAs("/api/budget/summary", tenant, "es").body(),
                b -> b.path("reconciles").asBoolean() && b.path("fiscalYear").asInt() == recorded);

        send(Topics.SURVEY, new InstitutionRegistered(tenant, "admin", "Defensoría", "DO", "DOP", 2033,
                java.math.BigDecimal.valueOf(40), CostingMethod.CLASSIC));
        JsonNode summary = Await.until("the institution's year", Duration.ofSeconds(60),
                () -> getAs("/api/budget/summary", tenant, "es").body(), b -> b.path("fiscalYear").asInt() == 2033);
        assertThat(summary.path("defaultYear").asBoolean()).isTrue();
        assertThat(summary.path("reconciles").asBoolean()).isTrue();
        assertThat(getAs("/api/budget/summary?fiscalYear=" + recorded, tenant, "es").body().path("fiscalYear").asInt())
                .as("another year stays reachable by asking for it").isEqualTo(recorded);
    }

    /** DOMAIN.md's worked example for this institution; how many events. */
    private int seed(String tenant) throws Exception {
        int sent = 0;
        for (PpiEvent event : WorkedExample.valueChain(tenant)) {
            send(Topics.VALUECHAIN, event);
            sent++;
        }
        for (PpiEvent event : WorkedExample.costing(tenant, CostingMethod.CLASSIC)) {
            send(Topics.COSTING, event);
            sent++;
        }
        return sent;
    }

    /** Every stored budget row of the institution, every column (version, causing event, time) included. */
    private String budgetRows(String tenant) {
        StringBuilder rows = new StringBuilder();
        for (String table : List.of("program_budget", "budget_summary")) {
            jdbc.sql("select * from " + table + " where institution_id = ? order by 1, 2, 3").param(tenant).query()
                    .listOfRows().forEach(r -> rows.append(table).append(' ').append(r).append('\n'));
        }
        return rows.toString();
    }

    /** Every amount the budget shows for the year, in a stable order. */
    private String figures() throws Exception {
        return figures(TENANT);
    }

    private String figures(String tenant) throws Exception {
        List<String> rows = new ArrayList<>();
        getAs("/api/budget/programs?" + YEAR + "&sort=code", tenant, "es").body().path("items").forEach(p -> rows.add(p.path("programId").asString()
                + "=" + p.path("budget").decimalValue() + "/" + p.path("contributions").toString()));
        JsonNode summary = getAs("/api/budget/summary?" + YEAR, tenant, "es").body();
        rows.add(summary.path("lines").toString() + "/" + summary.path("reconciles").asBoolean());
        rows.add(fetch("/api/budget/structure?" + YEAR + "&format=csv", tenant, "es").body());
        return String.join("\n", rows);
    }

    private ConsumerRecord<String, byte[]> publishedBudget(String causationId) {
        return TopicReader.first(broker.getBrokersAsString(), Topics.BUDGET, Duration.ofSeconds(60),
                "ProgramBudgetRecalculated caused by " + causationId,
                record -> EventTypes.typeOf(ProgramBudgetRecalculated.class).equals(header(record, "ce_type"))
                        && causationId.equals(header(record, "ce_causationid")));
    }

    /** Waits until the projection recorded the partition past the given record (applied or skipped). */
    private void awaitOffset(RecordMetadata record) throws Exception {
        Await.until("the redelivered event to be consumed", Duration.ofSeconds(60), Duration.ofMillis(100),
                () -> jdbc.sql("select next_offset from consumer_offset where topic = ? and partition_no = ?")
                        .params(record.topic(), record.partition()).query(Long.class).optional().orElse(-1L),
                next -> next > record.offset());
    }

    private CloudEvent send(String topic, PpiEvent event) throws Exception {
        clock = clock.plusSeconds(1);
        return CloudEventPublisher.publish(kafka, json, topic, event, clock);
    }

    private JsonNode await(String path, Predicate<JsonNode> condition) throws Exception {
        return Await.until("GET " + path, Duration.ofSeconds(60), () -> get(path), condition);
    }

    private JsonNode get(String path) throws Exception {
        return getAs(path, TENANT, "es").body();
    }

    private Answer getAs(String path, String tenant, String language) throws Exception {
        HttpResponse<String> response = fetch(path, tenant, language);
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    private HttpResponse<String> raw(String path, String language) throws Exception {
        return fetch(path, TENANT, language);
    }

    private HttpResponse<String> fetch(String path, String tenant, String language) throws Exception {
        return api.request("GET", path).tenant(tenant).user("auditor").language(language)
                .timeout(Duration.ofSeconds(10)).send();
    }

    private HttpResponse<String> post(String path) throws Exception {
        // Replays are deployment-wide: the platform administrator's token (no institution).
        return api.request("POST", path).user("admin").roles("platform-admin").send();
    }

    private record Answer(int status, JsonNode body) {
    }
}
