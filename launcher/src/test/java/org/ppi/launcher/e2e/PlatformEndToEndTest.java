package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.Platform;
import org.ppi.launcher.ServiceSpec;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoLoader;
import org.ppi.launcher.demo.LoadReport;
import org.ppi.platform.tenancy.ScopedId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The whole platform as the launcher starts it — identity provider, in-process KRaft broker, every service as its own JVM on a
 * real PostgreSQL (one schema each), the gateway — exercised only through the gateway: the seed's figures to
 * the cent with their lineage, a change of hours, costing stopped and caught up, the demo institution loaded in two
 * rounds and reconciled under both methods — as of the instant between the rounds (the seed's figures) and now, with
 * products' direct and full costs equal to the cent to {@link IndependentCosting}'s computation from the file — a
 * replay killed half-way that still ends with the same figures, and an unpublishable event parked without stopping
 * another institution. Each user signs in with a token of its own.
 */
@Order(1)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(E2ePlatform.Shared.class)
class PlatformEndToEndTest {
    private static final Logger log = LoggerFactory.getLogger(PlatformEndToEndTest.class);
    private static final String SEED = E2ePlatform.SEED;
    private static final String DEMO = E2ePlatform.DEMO;
    private static final String[] INFORME_COSTS = {"1500000.00", "2400000.00", "1824561.40", "2000000.00", "2100000.00"};
    private static final int[] INFORME_HOURS = {1, 3, 2, 1, 1};
    /** The demo's products whose direct and full cost the test computes itself ({@link IndependentCosting}). */
    private static final List<String> ASSERTED_PRODUCTS = List.of("P091", "P084", "P037");

    private final Platform platform;
    private final GatewayClient admin;
    private final GatewayClient seed;
    private final GatewayClient demo;
    private final GatewayClient anonymous;
    private final URI issuer;
    private final Map<String, Object> measured = new HashMap<>();
    /** The demo's first-round instant, as the loader reported it (test 6). */
    private Instant firstRoundAt;

    PlatformEndToEndTest(E2ePlatform e2e) {
        this.platform = e2e.platform;
        this.issuer = e2e.issuer;
        this.admin = e2e.admin();
        this.seed = e2e.as(SEED, "institution-admin");
        this.demo = e2e.as(DEMO, "institution-admin");
        this.anonymous = e2e.anonymous();
        measured.put("platformStartSeconds", e2e.startSeconds);
    }

    @AfterAll
    void report() {
        log.info("Measured: {}", measured);
    }

    @Test
    @Order(1)
    void healthOfEveryServiceAtOneAddress() {
        JsonNode health = seed.get("/api/health");
        assertThat(health.path("status").asString()).isEqualTo("UP");
        assertThat(health.path("services").size()).isEqualTo(5);
        for (String service : List.of("survey", "catalog", "valuechain", "costing", "budget")) {
            assertThat(seed.get("/api/docs/" + service + "-service").path("openapi").asString()).startsWith("3.");
        }
    }

    @Test
    @Order(2)
    void reproducesTheSeedsTableToTheCentWithEveryFigureTracedToTopicEvents() {
        admin.command("POST", "/api/survey/institutions", Map.of("id", SEED, "name", "Defensor del Pueblo", "country", "DO",
                "currency", "DOP", "fiscalYear", 2026, "weeklyHours", 40, "costingMethod", "CLASSIC"));
        seed.command("POST", "/api/survey/centers", Map.of("id", "s-gestion", "name", "Dirección de Planificación y Desarrollo",
                "area", "SUPPORT"));
        seed.command("POST", "/api/survey/centers", Map.of("id", "s-aula", "name", "Aula del Defensor", "area", "SUBSTANTIVE"));
        for (int i = 0; i < INFORME_COSTS.length; i++) {
            seed.command("POST", "/api/survey/employees", Map.of("id", "s-e" + i, "centerId", "s-gestion",
                    "name", "Funcionario " + i, "annualCost", new BigDecimal(INFORME_COSTS[i]), "contractedHours", 40));
        }
        seed.command("POST", "/api/survey/employees", Map.of("id", "s-a0", "centerId", "s-aula", "name", "Docente 1",
                "annualCost", new BigDecimal("1800000.00")));
        seed.command("POST", "/api/survey/employees", Map.of("id", "s-a1", "centerId", "s-aula", "name", "Docente 2",
                "annualCost", new BigDecimal("1929694.50")));
        seed.command("POST", "/api/catalog/products", product("s-informe", "s-gestion", "Informe Anual de Gestión", 1));
        seed.command("POST", "/api/catalog/products", product("s-aula-informe", "s-aula",
                "Informe de resultados de las actividades del Aula del Defensor", 3));
        seed.command("POST", "/api/survey/interviews", Map.of("id", "s-i1", "centerId", "s-gestion", "interviewer", "Equipo PPI"));
        seed.command("POST", "/api/survey/interviews", Map.of("id", "s-i2", "centerId", "s-aula", "interviewer", "Equipo PPI"));
        for (int i = 0; i < INFORME_HOURS.length; i++) {
            seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e" + i, "s-informe", INFORME_HOURS[i]));
        }
        seed.command("PUT", "/api/survey/interviews/s-i2/allocations", allocation("s-a0", "s-aula-informe", 1));
        seed.command("PUT", "/api/survey/interviews/s-i2/allocations", allocation("s-a1", "s-aula-informe", 5));

        JsonNode informe = seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("392982.46"), Duration.ofSeconds(90));
        assertThat(labours(informe)).containsExactly("49122.81", "147368.42", "98245.61", "49122.81", "49122.81");
        assertThat(amount(informe, "unitCost")).isEqualTo("392982.46");
        JsonNode aula = seed.await("/api/costing/products/s-aula-informe", p -> p.path("rows").size() == 2, Duration.ofSeconds(60));
        assertThat(labours(aula)).containsExactly("46621.18", "233105.91");
        assertThat(aula.path("rows")).extracting(r -> r.path("unitCost").decimalValue().toPlainString())
                .containsExactly("15540.39", "77701.97");
        assertThat(aula.path("rows")).extracting(r -> r.path("sharePercent").decimalValue().stripTrailingZeros().toPlainString())
                .containsExactly("1.25", "6.25");

        // institution, center, 5 employees, product, 5 allocations; the center (not needed for the figure itself)
        // may arrive a moment after the figure, from another partition
        seed.await("/api/costing/products/s-informe/lineage", l -> l.path("totalItems").asInt() == 13, Duration.ofSeconds(30));
        List<String> lineage = lineage("/api/costing/products/s-informe/lineage");
        Map<String, String[]> onTopics = TopicReader.events(platform.bootstrapServers(), List.of("ppi.survey.events", "ppi.catalog.events"));
        assertThat(lineage).isNotEmpty().allSatisfy(id -> assertThat(onTopics).containsKey(id));
        assertThat(lineage).hasSize(1 + 1 + 5 + 1 + 5);
    }

    @Test
    @Order(3)
    void changingOneEmployeesHoursChangesTheFigureAndItsLineage() {
        List<String> before = lineage("/api/costing/products/s-informe/lineage");
        seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e0", "s-informe", 2));
        JsonNode changed = seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("442105.26"), Duration.ofSeconds(60));
        String cause = changed.path("causationEventId").asString();
        Map<String, String[]> onTopics = TopicReader.events(platform.bootstrapServers(), List.of("ppi.survey.events"));
        assertThat(onTopics.get(cause)[1]).isEqualTo("org.ppi.survey.TimeAllocated.v1");
        List<String> after = lineage("/api/costing/products/s-informe/lineage");
        assertThat(after).containsAll(before).contains(cause).doesNotContainAnyElementsOf(List.of("")).hasSize(before.size() + 1);
        JsonNode costingEvents = seed.get("/api/costing/recalculations?figureKey=s-informe&causationEventId=" + cause);
        assertThat(costingEvents.path("items")).extracting(i -> i.path("measure").asString()).contains("direct");
        Map<String, String[]> published = TopicReader.events(platform.bootstrapServers(), List.of("ppi.costing.events"));
        assertThat(published.values()).anySatisfy(e -> assertThat(e[2]).isEqualTo(cause));
    }

    @Test
    @Order(4)
    void costingStoppedWhileCommandsArriveCatchesUpWithNothingLostOrDoubled() throws Exception {
        platform.kill(ServiceSpec.BACKENDS.get(3));
        seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e1", "s-informe", 4));
        seed.command("PUT", "/api/survey/interviews/s-i2/allocations", allocation("s-a1", "s-aula-informe", 4));
        seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e2", "s-informe", 1));
        platform.restart(ServiceSpec.BACKENDS.get(3), Duration.ofMinutes(3));
        // hours 2,4,1,1,1 = 9 of 200 weekly hours of a 9,824,561.40 payroll
        seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("442105.26")
                && labours(p).equals(List.of("98245.61", "196491.23", "49122.81", "49122.81", "49122.81")), Duration.ofSeconds(90));
        seed.await("/api/costing/products/s-aula-informe", p -> amount(p, "direct").equals("233105.91"), Duration.ofSeconds(60));
        JsonNode log = seed.get("/api/costing/recalculations?figureKey=s-informe&size=1000");
        Set<String> seen = new HashSet<>();
        log.path("items").forEach(i -> assertThat(seen.add(i.path("causationEventId").asString() + i.path("measure").asString()))
                .as("each event changes each measure once").isTrue());
    }

    @Test
    @Order(5)
    void aCommandAcceptedWhileKafkaIsDownReachesTheFiguresWhenItIsBack() throws Exception {
        platform.stopBroker();
        try {
            seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e3", "s-informe", 2));
            JsonNode stored = seed.get("/api/survey/allocations?employeeId=s-e3&productId=s-informe");
            assertThat(stored.path("items").get(0).path("hours").decimalValue()).isEqualByComparingTo("2");
        } finally {
            platform.startBroker();
        }
        // hours 2,4,1,2,1 = 10 of 200 weekly hours of a 9,824,561.40 payroll
        seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("491228.07"), Duration.ofMinutes(3));
    }

    @Test
    @Order(6)
    void theDemoInstitutionLoadsThroughThePublicApiAndEveryViewCountsIt() {
        Instant begin = Instant.now();
        LoadReport report = new DemoLoader(platform.gateway(), java.net.http.HttpClient.newHttpClient())
                .load(DemoInstitution.bundled().prefixed(DEMO), E2eUsers.admin(issuer), E2eUsers.of(issuer, DEMO, "institution-admin"));
        measured.put("demoLoadSeconds", Duration.between(begin, Instant.now()).toSeconds());
        measured.put("demoCommands", report.commands());
        firstRoundAt = report.firstRoundAt();
        assertThat(report.corrections()).isEqualTo(4);
        assertThat(report.salaryChanges()).isEqualTo(1);
        assertThat(demo.get("/api/survey/centers?size=1").path("totalItems").asInt()).isEqualTo(30);
        assertThat(demo.get("/api/survey/employees?size=1").path("totalItems").asInt()).isEqualTo(87);
        assertThat(demo.get("/api/survey/allocations?size=1").path("totalItems").asInt()).isEqualTo(451);
        JsonNode functions = demo.get("/api/survey/views/functions-and-organization");
        DemoInstitution file = DemoInstitution.bundled().prefixed(DEMO);
        Map<String, Integer> expected = new HashMap<>();
        Map<String, String> scopeOfCenter = new HashMap<>();
        file.centers().forEach(c -> scopeOfCenter.put(c.id(), c.scopeId()));
        file.employees().forEach(e -> expected.merge(scopeOfCenter.get(e.centerId()), 1, Integer::sum));
        Map<String, Integer> actual = new HashMap<>();
        for (JsonNode group : functions.path("groups")) {
            actual.put(group.path("scopeId").asString(), group.path("employees").asInt());
        }
        assertThat(actual).as("employees per ámbito").isEqualTo(expected);
        demo.await("/api/catalog/products?size=1", p -> p.path("totalItems").asInt() == 258, Duration.ofSeconds(30));
        assertThat(demo.get("/api/valuechain/chains?size=1").path("totalItems").asInt()).isEqualTo(5);
        assertThat(demo.get("/api/valuechain/programs?size=1").path("totalItems").asInt()).isEqualTo(4);
        assertThat(demo.get("/api/valuechain/views/value-chains").toString()).contains(DEMO + ".");
        assertThat(seed.get("/api/catalog/products?size=1").path("totalItems").asInt()).as("tenants stay apart").isEqualTo(2);
    }

    @Test
    @Order(7)
    void theDemoInstitutionReconcilesToTheCentUnderBothMethodsAsOfTheFirstRoundAndNow() {
        DemoInstitution file = DemoInstitution.bundled().prefixed(DEMO);
        IndependentCosting firstRound = IndependentCosting.firstRound(file, IndependentCosting.Method.CLASSIC);
        IndependentCosting classic = IndependentCosting.secondRound(file, IndependentCosting.Method.CLASSIC);
        IndependentCosting individual = IndependentCosting.secondRound(file, IndependentCosting.Method.INDIVIDUAL);
        // now: every allocation of the file and the second round's corrections (3,432 of 3,440 contracted hours)
        // and its salary change (80,000 more a year from 1 July: 184/365 of it)
        JsonNode now = demo.await("/api/costing/institution", i -> i.path("products").asInt() == 258
                && i.path("allocatedHours").decimalValue().compareTo(new BigDecimal("3432")) == 0
                && amount(i, "totalCost").equals(classic.totalCost().cents()), Duration.ofMinutes(4));
        String asOf = "asOf=" + firstRoundAt;

        // as of the first-round instant: the seed's figures, recorded before the corrections
        JsonNode first = demo.get("/api/costing/institution?" + asOf);
        measured.put("classicUnused", amount(first, "unusedCost"));
        assertThat(first.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(first, "totalCost")).isEqualTo("122680876.54").isEqualTo(firstRound.totalCost().cents());
        assertThat(first.path("allocatedHours").decimalValue()).isEqualByComparingTo("3435");
        assertThat(first.path("contractedHours").decimalValue()).isEqualByComparingTo("3440");
        assertThat(first.path("method").asString()).isEqualTo("CLASSIC");
        assertThat(first.path("volumeGaps").asInt()).isEqualTo(10);
        int overAllocated = first.path("overAllocatedEmployees").asInt();
        assertThat(overAllocated).isGreaterThanOrEqualTo(6);
        JsonNode summary = demo.get("/api/costing/summary");
        assertThat(List.of(summary.path("products").asInt(), summary.path("terminalProducts").asInt(),
                summary.path("intermediateProducts").asInt(), summary.path("coreProducts").asInt(),
                summary.path("volumeGaps").asInt(), summary.path("centers").asInt(), summary.path("employees").asInt(),
                summary.path("participatingEmployees").asInt()))
                .as("the data file's counts (DemoInstitutionTest)").containsExactly(258, 108, 150, 11, 10, 30, 87, 87);
        JsonNode firstNormalised = demo.get("/api/costing/institution?normalize=true&" + asOf);
        assertThat(firstNormalised.path("overAllocatedEmployees").asInt()).isZero();
        assertThat(firstNormalised.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(firstNormalised, "totalCost")).isEqualTo("122680876.54");

        // now: the corrections fixed one over-allocated employee (E032, 45 → 40 hours) and the raise counts
        assertThat(now.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(now, "totalCost")).isEqualTo("122721205.31");
        assertThat(now.path("overAllocatedEmployees").asInt()).isEqualTo(overAllocated - 1);
        assertThat(amount(demo.get("/api/costing/institution?normalize=true"), "totalCost")).isEqualTo("122721205.31");

        // two fiscal years side by side from one history: the raise from 1 July 2026 does not exist in 2025 and
        // counts whole in 2027; the year is the institution's (2026), never the server's calendar, so the same
        // fiscal year and instant answer alike on any day this test runs
        assertThat(now.path("fiscalYear").asInt()).isEqualTo(2026);
        JsonNode y2025 = demo.get("/api/costing/institution?fiscalYear=2025");
        JsonNode y2027 = demo.get("/api/costing/institution?fiscalYear=2027");
        assertThat(y2025.path("fiscalYear").asInt()).isEqualTo(2025);
        assertThat(amount(y2025, "totalCost")).isEqualTo("122680876.54");
        assertThat(amount(y2027, "totalCost")).isEqualTo("122760876.54");
        assertThat(y2025.path("reconciled").asBoolean() && y2027.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(demo.get("/api/costing/institution?fiscalYear=2026&" + asOf), "totalCost"))
                .isEqualTo(amount(first, "totalCost"));
        // provisional vs validated: three interviews are still drafts, so today's figures are provisional and the
        // publishable ones (validated interviews only) carry fewer hours, still reconciling
        JsonNode validated = demo.get("/api/costing/institution?basis=validated");
        assertThat(now.path("provisional").asBoolean()).isTrue();
        assertThat(validated.path("provisional").asBoolean()).isFalse();
        assertThat(validated.path("basis").asString()).isEqualTo("VALIDATED");
        assertThat(validated.path("allocatedHours").decimalValue()).isLessThan(now.path("allocatedHours").decimalValue());
        assertThat(validated.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(validated, "totalCost")).isEqualTo("122721205.31");
        GatewayClient.Answer typo = demo.send("GET", "/api/costing/institution?fiscalYear=20026", null);
        assertThat(typo.status()).isEqualTo(400);
        assertThat(typo.body().path("code").asString()).isEqualTo("request.bad-parameter");

        // products whose figures depend on hours, prices, links and method: P091 (terminal, corrected, eight
        // suppliers), P084 (intermediate with two suppliers, feeding three terminals), P037 (intermediate, corrected,
        // feeding two terminals) — each to the cent of the independent computation from the file
        for (String product : ASSERTED_PRODUCTS) {
            JsonNode then = demo.get("/api/costing/products/" + DEMO + "." + product + "?" + asOf);
            assertThat(costs(then)).as("%s as of the first round (classic)", product)
                    .containsExactly(firstRound.direct(DEMO + "." + product).cents(),
                            firstRound.full(DEMO + "." + product).cents());
            JsonNode live = demo.get("/api/costing/products/" + DEMO + "." + product);
            assertThat(costs(live)).as("%s now (classic)", product).containsExactly(
                    classic.direct(DEMO + "." + product).cents(), classic.full(DEMO + "." + product).cents());
        }
        JsonNode p091Then = demo.get("/api/costing/products/" + DEMO + ".P091?" + asOf);
        JsonNode p091Now = demo.get("/api/costing/products/" + DEMO + ".P091");
        assertThat(costs(p091Then)).as("what as-of is for: the figure before the corrections")
                .containsExactly("402847.92", "6506082.68");
        assertThat(costs(p091Now)).containsExactly("540491.29", "6576398.27");
        // The same figures downloaded through the gateway (the fat jars carry POI): the cost-by-product sheet in
        // English, P091's total row with the JSON's cents; Funciones y organización as CSV in Spanish.
        List<List<String>> costsSheet = XlsxSheet.rows(saved(demo.download("/api/costing/products?format=xlsx", "en")));
        List<String> costsHeader = costsSheet.get(0);
        assertThat(costsHeader).startsWith("Product id", "Product", "Center");
        List<String> p091Total = costsSheet.stream().filter(r -> r.get(0).equals(DEMO + ".P091")
                && r.get(costsHeader.indexOf("Employee")).equals("Product total")).findFirst().orElseThrow();
        assertThat(new java.math.BigDecimal(p091Total.get(costsHeader.indexOf("Direct cost")))).isEqualByComparingTo("540491.29");
        assertThat(new java.math.BigDecimal(p091Total.get(costsHeader.indexOf("Full cost")))).isEqualByComparingTo("6576398.27");
        assertThat(new String(demo.download("/api/survey/views/functions-and-organization?format=csv", "es"),
                java.nio.charset.StandardCharsets.UTF_8)).startsWith("\uFEFFId ámbito,Ámbito,Id centro,Centro,Función");
        assertThat(p091Then.path("hours").decimalValue()).isEqualByComparingTo("15");
        assertThat(p091Now.path("hours").decimalValue()).isEqualByComparingTo("20");
        JsonNode corrections = demo.lineageEvents("/api/costing/products/" + DEMO + ".P091/lineage");
        assertThat(corrections.toString()).contains("AllocationCorrected");
        // a correction of a validated interview shows in the lineage with the reason it was recorded for
        List<String> reasons = new java.util.ArrayList<>();
        corrections.forEach(e -> {
            if (e.path("name").asString().contains("AllocationCorrected")) {
                reasons.add(e.path("reason").asString(""));
            }
        });
        assertThat(reasons).isNotEmpty().allSatisfy(r -> assertThat(r).isNotBlank());

        demo.command("PUT", "/api/survey/institution/costing-method", Map.of("costingMethod", "INDIVIDUAL"));
        String p091 = DEMO + ".P091";
        demo.await("/api/costing/products/" + p091, p -> p.path("method").asString().equals("INDIVIDUAL")
                && amount(p, "fullCost").equals(individual.full(p091).cents()), Duration.ofMinutes(2));
        for (String product : ASSERTED_PRODUCTS) {
            String id = DEMO + "." + product;
            JsonNode live = demo.get("/api/costing/products/" + id);
            assertThat(costs(live)).as("%s now (individual)", product)
                    .containsExactly(individual.direct(id).cents(), individual.full(id).cents());
            assertThat(costs(live)).as("%s: individual ≠ classic", product)
                    .doesNotContainAnyElementsOf(costs(demo.get("/api/costing/products/" + id + "?" + asOf)))
                    .doesNotContain(classic.direct(id).cents(), classic.full(id).cents());
        }
        assertThat(costs(demo.get("/api/costing/products/" + p091 + "?" + asOf)))
                .as("as of the first round the method was still classic").containsExactly("402847.92", "6506082.68");
        JsonNode byIndividual = demo.get("/api/costing/institution");
        assertThat(byIndividual.path("method").asString()).isEqualTo("INDIVIDUAL");
        assertThat(byIndividual.path("reconciled").asBoolean()).isTrue();
        assertThat(amount(byIndividual, "totalCost")).isEqualTo("122721205.31");
        // without planned volumes (a year with none) the budget lines add up to the total cost exactly
        JsonNode budget = demo.await("/api/budget/summary?fiscalYear=2030", b -> b.path("reconciles").asBoolean(), Duration.ofMinutes(2));
        assertThat(budget.toString()).contains("centralActions");
    }

    @Test
    @Order(8)
    void aReplayKilledHalfWayEndsWithTheSameFiguresAsTheLiveProjection() throws Exception {
        String live = figures();
        Instant begin = Instant.now();
        assertThat(admin.post("/api/costing/admin/replay", null).status()).isEqualTo(202);
        JsonNode done = admin.await("/api/costing/admin/replay", s -> s.path("finished").asBoolean(), Duration.ofMinutes(5));
        measured.put("replaySeconds", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        measured.put("replayEvents", done.path("events").asLong());
        measured.put("replayEventsPerSecond", done.path("eventsPerSecond").asLong());
        TopicReader.RawRead raw = TopicReader.rawRead(platform.bootstrapServers(),
                List.of("ppi.survey.events", "ppi.catalog.events", "ppi.valuechain.events"));
        measured.put("rawConsumerRecordsPerSecond", Math.round(raw.perSecond()));
        measured.put("replayToRawConsumerRatio", raw.perSecond() == 0 ? null
                : Math.round(100.0 * done.path("eventsPerSecond").asLong() / raw.perSecond()) / 100.0);
        assertThat(raw.records()).as("the raw consumer read what the replay applied").isGreaterThanOrEqualTo(done.path("events").asLong());
        assertThat(figures()).isEqualTo(live);

        assertThat(admin.post("/api/costing/admin/replay", null).status()).isEqualTo(202);
        admin.await("/api/costing/admin/replay", s -> s.path("events").asLong() > 300, Duration.ofMinutes(2));
        platform.kill(ServiceSpec.BACKENDS.get(3));
        platform.restart(ServiceSpec.BACKENDS.get(3), Duration.ofMinutes(3));
        admin.await("/api/costing/admin/replay", s -> s.path("finished").asBoolean(), Duration.ofMinutes(5));
        assertThat(figures()).isEqualTo(live);
    }

    @Test
    @Order(9)
    void oneUnpublishableEventIsParkedAndAnotherInstitutionsAllocationStillReachesItsFigures() throws Exception {
        long storedBefore = admin.get("/api/survey/admin/lag").path("lastInStore").asLong();
        // At the door: a 5 MB product description and a 2 MB center name are refused by the gateway, a name one
        // character over its limit by the service; nothing is stored.
        Map<String, Object> hugeProduct = product("e2e-huge", "s-gestion", "Producto enorme", 1);
        hugeProduct.put("description", "x".repeat(5 * 1024 * 1024));
        GatewayClient.Answer huge = seed.post("/api/catalog/products", hugeProduct);
        assertThat(huge.status()).isEqualTo(413);
        assertThat(huge.body().path("code").asString()).isEqualTo("request.too-large");
        assertThat(seed.post("/api/survey/centers", Map.of("id", "e2e-huge-center", "name", "n".repeat(2 * 1024 * 1024),
                "area", "SUPPORT")).status()).isEqualTo(413);
        GatewayClient.Answer longName = seed.post("/api/survey/centers", Map.of("id", "e2e-long-center",
                "name", "n".repeat(301), "area", "SUPPORT"));
        assertThat(longName.status()).isEqualTo(400);
        assertThat(longName.body().path("code").asString()).isEqualTo("text.too-long");
        assertThat(longName.body().path("field").asString()).isEqualTo("name");
        assertThat(admin.get("/api/survey/admin/lag").path("lastInStore").asLong()).isEqualTo(storedBefore);

        // The survey topic now takes 6,000-byte records; survey read its limit minutes ago, so a center of the demo
        // institution with 7 KB of texts is stored, refused by the broker and parked by the relay.
        demo.command("PUT", "/api/survey/centers/" + DEMO + ".C01/name", Map.of("name", "Despacho del Defensor del Pueblo (sede central)"));
        Instant parkedFrom = Instant.now();
        try (TopicConfig topic = new TopicConfig(platform.bootstrapServers(), "ppi.survey.events")) {
            topic.maxMessageBytes(6_000);
            assertThat(demo.post("/api/survey/centers", Map.of("id", DEMO + ".C99", "name", "Centro con textos largos",
                    "area", "SUPPORT", "function", "f".repeat(3_500), "organization", "o".repeat(3_500))).status())
                    .isEqualTo(201);
            // Another institution's allocation recorded afterwards reaches its figures within seconds.
            seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e4", "s-informe", 3));
            JsonNode informe = seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("589473.68"),
                    Duration.ofSeconds(30));
            measured.put("allocationAfterParkingSeconds", Duration.between(parkedFrom, Instant.now()).toMillis() / 1000.0);
            assertThat(labours(informe)).containsExactly("98245.61", "196491.23", "49122.81", "98245.61", "147368.42");

            JsonNode health = seed.get("/api/health");
            assertThat(health.path("status").asString()).isEqualTo("DEGRADED");
            assertThat(health.at("/services/survey-service").asString()).isEqualTo("DEGRADED");
            assertThat(health.at("/relays/survey-service/parked").asLong()).isEqualTo(1);
            assertThat(health.at("/relays/survey-service/code").asString()).isEqualTo("relay.parked");
            JsonNode lag = admin.get("/api/admin/lag");
            assertThat(lag.at("/relays/survey-service/parked").asLong()).isEqualTo(1);
            assertThat(lag.path("eventsNotYetInFigures").asLong()).isGreaterThanOrEqualTo(1);
            JsonNode parked = admin.get("/api/survey/admin/relay/parked");
            assertThat(parked.path("totalItems").asLong()).isEqualTo(1);
            JsonNode row = parked.path("items").get(0);
            assertThat(row.path("aggregateId").asString()).as("the stream it is stored in")
                    .isEqualTo(ScopedId.of(DEMO, DEMO + ".C99"));
            assertThat(row.path("institutionId").asString()).isEqualTo(DEMO);
            assertThat(row.path("reason").asString()).startsWith("RecordTooLargeException");

            // Fixed at the topic, retried by the operator: the stored event goes out and the demo's figures see it.
            topic.maxMessageBytes(1_048_588);
            GatewayClient.Answer retried = admin.post("/api/survey/admin/relay/parked/" + row.path("eventId").asString()
                    + "/retry", null);
            assertThat(retried.status()).as(retried.body().toString()).isEqualTo(200);
            assertThat(TopicReader.events(platform.bootstrapServers(), List.of("ppi.survey.events")))
                    .containsKey(row.path("eventId").asString());
            assertThat(seed.get("/api/health").at("/relays/survey-service/parked").asLong()).isZero();
        }
    }

    /**
     * One trace from the public door to the figure: the gateway's log line of a command carries a trace id, and the
     * costing service's line that settles the figures the command changed carries the same one (W3C traceparent to
     * the survey service, into the event's metadata, onto the Kafka record as ce_traceparent, continued by the
     * projection). Then the hours are set back, so the seed's figures are as the other classes expect them.
     */
    @Test
    @Order(10)
    void oneTraceIdRunsFromTheGatewaysRequestLogToTheCostingFigureUpdateItCaused() throws Exception {
        java.nio.file.Path gatewayLog = platform.logs().resolve("gateway.log");
        java.nio.file.Path costingLog = platform.logs().resolve("costing-service.log");
        long gatewayFrom = java.nio.file.Files.size(gatewayLog);
        long costingFrom = java.nio.file.Files.size(costingLog);
        seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e0", "s-informe", 1));
        String request = awaitLine(gatewayLog, gatewayFrom, "PUT /api/survey/interviews/s-i1/allocations -> 2\\d\\d");
        java.util.regex.Matcher trace = java.util.regex.Pattern.compile("trace=([0-9a-f]{32})").matcher(request);
        assertThat(trace.find()).as("the gateway's request line names its trace: %s", request).isTrue();
        String traceId = trace.group(1);
        JsonNode changed = seed.await("/api/costing/products/s-informe", p -> labours(p).get(0).equals("49122.81"),
                Duration.ofSeconds(60));
        String settled = awaitLine(costingLog, costingFrom, "trace=" + traceId + " .*figures of institution " + SEED + " settled");
        assertThat(settled).contains(changed.path("causationEventId").asString());

        seed.command("PUT", "/api/survey/interviews/s-i1/allocations", allocation("s-e0", "s-informe", 2));
        seed.await("/api/costing/products/s-informe", p -> amount(p, "direct").equals("589473.68"), Duration.ofSeconds(60));
    }

    /** The first line of {@code file} written after {@code from} bytes that matches {@code regex}, within 60 s. */
    private static String awaitLine(java.nio.file.Path file, long from, String regex) throws Exception {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(regex);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            byte[] bytes = java.nio.file.Files.readAllBytes(file);
            String written = new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                    java.nio.charset.StandardCharsets.UTF_8);
            for (String line : written.split("\\n")) {
                if (pattern.matcher(line).find()) {
                    return line;
                }
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("No line matching " + regex + " in " + file + " after byte " + from);
            }
            GatewayClient.pause(250);
        }
    }

    /**
     * What analytics reads, checked against what the gateway documents: every record of every topic produced by the
     * tests above (seed, demo in two rounds, faults, replay, the parked and retried event) has a documented type of
     * its topic, headers and key as its message says and a body its type's JSON Schema accepts; every event record
     * of the contracts has its message; on the write side one aggregate's sequence number names one event, and on
     * the projections' topics each figure's records count up (duplicates and republished ids aside) and share their
     * causing event's correlation id.
     */
    @Test
    @Order(11)
    void everyRecordOnTheTopicsConformsToTheServedAsyncApiDocument() {
        GatewayClient.Answer served = anonymous.send("GET", "/api/docs/asyncapi.json", null);
        assertThat(served.status()).isEqualTo(200);
        org.ppi.platform.testing.EventContract contract = org.ppi.platform.testing.EventContract.of(served.text());
        assertThat(served.body()).as("the gateway serves the committed document")
                .isEqualTo(org.ppi.platform.testing.EventContract.committed().document());

        Map<String, Set<String>> documented = new HashMap<>();
        for (var topic : org.ppi.contracts.asyncapi.EventCatalog.topics()) {
            documented.put(topic.topic(), contract.documentedTypes(topic.topic()));
            assertThat(documented.get(topic.topic())).as("every event %s can emit is documented", topic.service())
                    .containsAll(topic.events().stream().map(org.ppi.contracts.EventTypes::typeOf).toList());
        }
        var records = TopicReader.records(platform.bootstrapServers(), List.copyOf(documented.keySet()));
        List<String> problems = new ArrayList<>();
        Map<String, Set<String>> seen = new HashMap<>();
        Map<String, String> correlationOf = new HashMap<>();
        Map<String, String> eventOfSequence = new HashMap<>();
        Map<String, Long> lastFigureSequence = new HashMap<>();
        Set<String> ids = new HashSet<>();
        for (var record : records) {
            Map<String, String> h = TopicReader.headers(record);
            for (String p : contract.problems(record.topic(), record.key(), h, record.value())) {
                problems.add(record.topic() + "@" + record.partition() + ":" + record.offset() + " " + h.get("ce_type") + " " + p);
            }
            seen.computeIfAbsent(record.topic(), t -> new java.util.TreeSet<>()).add(h.get("ce_type"));
            correlationOf.put(h.get("ce_id"), h.get("ce_correlationid"));
            String stream = record.topic() + " " + h.get("ce_tenantid") + " " + h.get("ce_subject");
            if (record.topic().equals("ppi.costing.events") || record.topic().equals("ppi.budget.events")) {
                if (ids.add(h.get("ce_id"))) {
                    long sequence = Long.parseLong(h.get("ce_sequence"));
                    Long last = lastFigureSequence.put(stream, sequence);
                    if (last != null && sequence <= last) {
                        problems.add(stream + ": ce_sequence " + sequence + " after " + last);
                    }
                }
            } else {
                String before = eventOfSequence.putIfAbsent(stream + " #" + h.get("ce_sequence"), h.get("ce_id"));
                if (before != null && !before.equals(h.get("ce_id"))) {
                    problems.add(stream + ": ce_sequence " + h.get("ce_sequence") + " names " + before + " and " + h.get("ce_id"));
                }
            }
        }
        int causesFound = 0;
        for (var record : records) {
            Map<String, String> h = TopicReader.headers(record);
            String cause = h.get("ce_causationid");
            if ((record.topic().equals("ppi.costing.events") || record.topic().equals("ppi.budget.events"))
                    && correlationOf.containsKey(cause)) {
                causesFound++;
                if (!correlationOf.get(cause).equals(h.get("ce_correlationid"))) {
                    problems.add(h.get("ce_id") + ": ce_correlationid " + h.get("ce_correlationid") + ", its cause's "
                            + correlationOf.get(cause));
                }
            }
        }
        measured.put("recordsCheckedAgainstAsyncApi", records.size());
        log.info("Types seen on the topics: {}", seen);
        assertThat(problems).as("records that do not conform (of %d)", records.size()).isEmpty();
        assertThat(documented.keySet()).containsAll(seen.keySet());
        // the audit topics hold records only once a projection parked an event (OutboxPublisherTest checks those)
        assertThat(seen.keySet()).containsAll(documented.keySet().stream().filter(t -> !t.endsWith(".audit")).toList());
        assertThat(seen.get("ppi.costing.events")).contains("org.ppi.costing.ProductCostRecalculated.v1",
                "org.ppi.costing.InstitutionCostRecalculated.v1");
        assertThat(seen.get("ppi.budget.events")).contains("org.ppi.budget.ProgramBudgetRecalculated.v1");
        assertThat(causesFound).as("figure events whose cause is on the topics").isGreaterThan(100);
        assertThat(records.size()).isGreaterThan(2_000);
    }

    private String figures() {
        JsonNode page = demo.get("/api/costing/products?size=1000&sort=name");
        List<String> rows = new ArrayList<>();
        page.path("items").forEach(p -> rows.add(p.path("productId").asString() + " " + amount(p, "direct") + " "
                + amount(p, "fullCost") + " " + p.path("unitCost") + " " + labours(p)));
        JsonNode institution = demo.get("/api/costing/institution");
        rows.add(amount(institution, "totalCost") + " " + amount(institution, "unusedCost") + " "
                + amount(institution, "terminalFullCost") + " " + institution.path("reconciled"));
        page = demo.get("/api/costing/employees?size=1000");
        page.path("items").forEach(e -> rows.add(e.path("employeeId").asString() + " " + amount(e, "unusedCost")));
        return String.join("\n", rows);
    }

    private List<String> lineage(String path) {
        List<String> ids = new ArrayList<>();
        seed.lineageEvents(path).forEach(e -> ids.add(e.path("eventId").asString()));
        return ids;
    }

    private static List<String> labours(JsonNode product) {
        List<String> values = new ArrayList<>();
        product.path("rows").forEach(r -> values.add(r.path("labour").decimalValue().toPlainString()));
        return values;
    }

    /** A product's direct and full cost, rounded to cents. */
    private static List<String> costs(JsonNode product) {
        return List.of(amount(product, "direct"), amount(product, "fullCost"));
    }

    private static String amount(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue().setScale(2).toPlainString() : String.valueOf(value);
    }

    private static Map<String, Object> product(String id, String center, String name, int volume) {
        Map<String, Object> product = new HashMap<>();
        product.put("id", id);
        product.put("centerId", center);
        product.put("name", name);
        product.put("type", "TERMINAL");
        product.put("core", false);
        product.put("volume", volume);
        product.put("volumeUnit", "informe");
        product.put("users", List.of("CITIZENS"));
        product.put("frequency", "YEARLY");
        return product;
    }

    private static Map<String, Object> allocation(String employee, String product, int hours) {
        return Map.of("employeeId", employee, "productId", product, "hours", hours);
    }

    /** A downloaded file on disk, for the readers that take a path. */
    private static java.nio.file.Path saved(byte[] bytes) {
        try {
            java.nio.file.Path file = java.nio.file.Files.createTempFile("ppi-export", ".xlsx");
            java.nio.file.Files.write(file, bytes);
            file.toFile().deleteOnExit();
            return file;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
