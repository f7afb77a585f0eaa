package org.ppi.valuechain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicReader.header;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.XlsxSheet;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.CommandFuzzer;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.ppi.platform.testing.TopicReader;
import org.ppi.valuechain.support.WorkedExample;
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
 * The service against a real PostgreSQL and an in-process KRaft broker: the catalog and survey replicas are fed
 * from their topics, the worked example's chains and programs are built over HTTP, the views answer, and every
 * accepted command (and no rejected one) reaches ppi.valuechain.events as a CloudEvent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.VALUECHAIN, Topics.CATALOG, Topics.SURVEY}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class ValueChainServiceIntegrationTest {
    private static final String TENANT = "inst-vc-it";
    private static final String OTHER = "inst-vc-other";
    private static final String USER = "ana.planner";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "valuechain");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    EmbeddedKafkaBroker broker;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    @Test
    void buildsTheWorkedExampleOverHttpAndPublishesItsEvents() throws Exception {
        feedReplicas();

        assertThat(post("/api/valuechain/impacts", Map.of("id", "im1", "name", "Derechos protegidos",
                "description", "Impacto del plan estratégico", "indicator", "índice de confianza")).body())
                .isEqualTo("{\"id\":\"im1\"}");
        HttpResponse<String> again = post("/api/valuechain/impacts", Map.of("id", "im1", "name", "Otra vez"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("entity.already-exists");
        assertThat(post("/api/valuechain/results", Map.of("id", "r1", "impactId", "im1", "name", "Quejas resueltas"))
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/valuechain/chains", Map.of("id", "ch1", "name", "Cadena de quejas", "resultId", "r1",
                "terminalProductId", "P1")).statusCode()).isEqualTo(201);
        assertThat(post("/api/valuechain/chains", Map.of("id", "ch2", "name", "Cadena del informe", "resultId", "r1",
                "terminalProductId", "P2")).statusCode()).isEqualTo(201);
        rejectsChainsOverForeignOrNonTerminalProducts();

        assertThat(put("/api/valuechain/chains/ch1/links", Map.of("intermediateProductId", "P3", "weight", 3)).statusCode())
                .isEqualTo(200);
        assertThat(put("/api/valuechain/chains/ch2/links", Map.of("intermediateProductId", "P3")).statusCode()).isEqualTo(200);
        assertThat(put("/api/valuechain/chains/ch1/links", Map.of("intermediateProductId", "P4", "feedsProductId", "P1"))
                .statusCode()).isEqualTo(200);
        rejectsACycleWithoutWritingAnEvent();
        rejectsBadLinks();

        assertThat(post("/api/valuechain/programs", Map.of("id", "pr1", "code", "PR1", "name", "Atención ciudadana",
                "expectedResult", "Quejas resueltas a tiempo")).statusCode()).isEqualTo(201);
        assertThat(post("/api/valuechain/programs", Map.of("id", "pr2", "code", "PR2", "name", "Promoción de derechos",
                "expectedResult", "Informe publicado")).statusCode()).isEqualTo(201);
        assertThat(put("/api/valuechain/programs/pr1/chains/ch1", null).statusCode()).isEqualTo(200);
        assertThat(put("/api/valuechain/programs/pr2/chains/ch2", null).statusCode()).isEqualTo(200);
        assertThat(put("/api/valuechain/programs/pr1/planned-volumes", Map.of("productId", "P1", "fiscalYear", 2026,
                "plannedVolume", new BigDecimal("1500"))).statusCode()).isEqualTo(200);
        assertThat(post("/api/valuechain/programs/pr1/activities", Map.of("id", "a1", "name", "Atender quejas",
                "kind", "SPECIFIC", "productId", "P1")).body()).isEqualTo("{\"id\":\"a1\"}");
        rejectsProgramConflicts();
        recordsSharesAndApnopLines();

        readsTheViews();
        readsTheLists();
        hidesEverythingFromAnotherInstitution();
        checksThePublishedCloudEvents();
        assertThat(get("/api/docs/valuechain-service", TENANT, "es").body()).contains("/api/valuechain/views/value-chains")
                .as("the Actor comes from the token, documented as the gateway's headers").doesNotContain("\"name\":\"actor\"")
                .contains("X-Institution-Id");
        downloadsTheValueChains();
    }

    /**
     * The value-chain view as XLSX and CSV: a row per link, headers in the caller's language, the weight a numeric
     * cell, an impact named like a formula kept as text behind an apostrophe, another institution's rows absent.
     */
    private void downloadsTheValueChains() throws Exception {
        String formula = "=HYPERLINK(\"http://x\")";
        assertThat(post("/api/valuechain/impacts", Map.of("id", "im2", "name", formula)).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> xlsx = api.request("GET", "/api/valuechain/views/value-chains?format=xlsx").tenant(TENANT)
                .user(USER).language("en").sendForBytes();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"cadenas-de-valor_" + TENANT + "_\\d{4}-\\d\\d-\\d\\d\\.xlsx\"");
        XlsxSheet sheet = XlsxSheet.read(xlsx.body());
        assertThat(sheet.headers()).startsWith("Impact id", "Impact", "Result id", "Result", "Chain id", "Value chain");
        int weight = sheet.headers().indexOf("Weight");
        List<Object> payroll = sheet.rows().stream().filter(r -> "ch1".equals(r.get(4)) && "P3".equals(r.get(11)))
                .findFirst().orElseThrow();
        assertThat((BigDecimal) payroll.get(weight)).isEqualByComparingTo("3");
        assertThat(payroll.get(sheet.headers().indexOf("Intermediate product's center"))).isEqualTo(WorkedExample.C2);
        assertThat(sheet.rows().stream().filter(r -> "'".concat(formula).equals(r.get(1)))).hasSize(1);
        String csv = api.request("GET", "/api/valuechain/views/value-chains?format=csv").tenant(TENANT).user(USER)
                .send().body();
        assertThat(csv).startsWith("\uFEFFId impacto,Impacto,Id resultado,Resultado,Id cadena,Cadena de valor")
                .contains("im1,Derechos protegidos,r1,Quejas resueltas,ch1,Cadena de quejas")
                .contains("im2,\"'=HYPERLINK(\"\"http://x\"\")\"");
        String other = api.request("GET", "/api/valuechain/views/value-chains?format=csv").tenant(OTHER).user(USER)
                .send().body();
        assertThat(other.lines().count()).isEqualTo(1);
        assertThat(other).doesNotContain("ch1").doesNotContain("Derechos");
    }

    private void rejectsChainsOverForeignOrNonTerminalProducts() throws Exception {
        HttpResponse<String> foreign = post("/api/valuechain/chains", Map.of("name", "Ajena", "resultId", "r1",
                "terminalProductId", "X1"));
        assertThat(foreign.statusCode()).isEqualTo(422);
        assertThat(foreign.body()).contains("product.unknown").contains("no existe en el catálogo de su institución");

        HttpResponse<String> intermediate = send("POST", "/api/valuechain/chains", Map.of("name", "Nómina", "resultId", "r1",
                "terminalProductId", "P3"), TENANT, "en");
        assertThat(intermediate.statusCode()).isEqualTo(422);
        assertThat(intermediate.body()).contains("chain.terminal-not-terminal").contains("is not a terminal product");
    }

    private void rejectsACycleWithoutWritingAnEvent() throws Exception {
        assertThat(put("/api/valuechain/chains/ch1/links", Map.of("intermediateProductId", "P5", "feedsProductId", "P3"))
                .statusCode()).isEqualTo(200);
        long before = storedEvents();

        HttpResponse<String> cycle = put("/api/valuechain/chains/ch1/links",
                Map.of("intermediateProductId", "P3", "feedsProductId", "P5"));

        assertThat(cycle.statusCode()).isEqualTo(409);
        assertThat(cycle.body()).contains("\"code\":\"chain.cycle\"").contains("cerraría un ciclo");
        assertThat(storedEvents()).isEqualTo(before);
        assertThat(send("DELETE", "/api/valuechain/chains/ch1/links?intermediateProductId=P5&feedsProductId=P3", null,
                TENANT, "es").statusCode()).isEqualTo(200);
    }

    private void rejectsBadLinks() throws Exception {
        HttpResponse<String> zero = send("PUT", "/api/valuechain/chains/ch1/links",
                Map.of("intermediateProductId", "P4", "weight", 0), TENANT, "en");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(zero.body()).contains("chain.weight-not-positive").contains("must be greater than zero");

        HttpResponse<String> self = put("/api/valuechain/chains/ch1/links",
                Map.of("intermediateProductId", "P3", "feedsProductId", "P3"));
        assertThat(self.statusCode()).isEqualTo(422);
        assertThat(self.body()).contains("chain.self-link");
    }

    private void rejectsProgramConflicts() throws Exception {
        HttpResponse<String> duplicate = post("/api/valuechain/programs", Map.of("code", "PR1", "name", "Copia"));
        assertThat(duplicate.statusCode()).isEqualTo(409);
        assertThat(duplicate.body()).contains("program.code-taken");

        HttpResponse<String> taken = send("PUT", "/api/valuechain/programs/pr2/chains/ch1", null, TENANT, "en");
        assertThat(taken.statusCode()).isEqualTo(409);
        assertThat(taken.body()).contains("program.chain-in-other-program").contains("already belongs to program pr1");

        HttpResponse<String> notDelivered = put("/api/valuechain/programs/pr1/planned-volumes",
                Map.of("productId", "P2", "fiscalYear", 2026, "plannedVolume", 1));
        assertThat(notDelivered.statusCode()).isEqualTo(422);
        assertThat(notDelivered.body()).contains("program.product-not-delivered");

        HttpResponse<String> negative = put("/api/valuechain/programs/pr1/planned-volumes",
                Map.of("productId", "P1", "fiscalYear", 2026, "plannedVolume", -5));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("program.planned-volume-negative");
    }

    /** P1 delivered by pr1 (its chain) and pr2 (a common activity): their shares never exceed 1; APNOP lines. */
    private void recordsSharesAndApnopLines() throws Exception {
        assertThat(post("/api/valuechain/programs/pr2/activities", Map.of("id", "a2", "name", "Quejas de derechos",
                "kind", "COMMON", "productId", "P1")).statusCode()).isEqualTo(201);
        assertThat(put("/api/valuechain/programs/pr1/shares", Map.of("productId", "P1", "fiscalYear", 2026,
                "share", new BigDecimal("0.7"))).statusCode()).isEqualTo(200);
        HttpResponse<String> tooMuch = put("/api/valuechain/programs/pr2/shares", Map.of("productId", "P1",
                "fiscalYear", 2026, "share", new BigDecimal("0.4")));
        assertThat(tooMuch.statusCode()).isEqualTo(409);
        assertThat(tooMuch.body()).contains("share.exceeds-one").contains("sumaran más de 1")
                .contains("quedan como máximo 0.3");
        assertThat(put("/api/valuechain/programs/pr2/shares", Map.of("productId", "P1", "fiscalYear", 2026,
                "share", new BigDecimal("0.3"))).statusCode()).isEqualTo(200);
        HttpResponse<String> notDelivered = send("PUT", "/api/valuechain/programs/pr2/shares",
                Map.of("productId", "P4", "fiscalYear", 2026, "share", 1), TENANT, "en");
        assertThat(notDelivered.statusCode()).isEqualTo(422);
        assertThat(notDelivered.body()).contains("share.product-not-delivered").contains("does not deliver product P4");

        assertThat(post("/api/valuechain/apnop", Map.of("id", "L1", "fiscalYear", 2026, "name", "Pensiones",
                "kind", "PENSION", "amount", new BigDecimal("1250000.50"))).body()).isEqualTo("{\"id\":\"L1\"}");
        HttpResponse<String> negative = post("/api/valuechain/apnop", Map.of("fiscalYear", 2026, "name", "Deuda",
                "kind", "DEBT", "amount", -1));
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("apnop.amount-negative");
        assertThat(send("DELETE", "/api/valuechain/apnop/L1?reason=duplicada", null, TENANT, "es").statusCode())
                .isEqualTo(200);
        assertThat(send("DELETE", "/api/valuechain/apnop/L1", null, TENANT, "es").statusCode()).isEqualTo(409);
    }

    private void readsTheViews() throws Exception {
        JsonNode chains = json.readTree(get("/api/valuechain/views/value-chains", TENANT, "es").body());
        JsonNode result = chains.path("impacts").get(0).path("results").get(0);
        assertThat(result.path("chains").size()).isEqualTo(2);
        JsonNode complaints = result.path("chains").get(0);
        assertThat(complaints.path("id").asString()).isEqualTo("ch1");
        assertThat(complaints.path("terminalProduct").path("core").asBoolean()).isTrue();
        assertThat(complaints.path("terminalProduct").path("center").path("name").asString()).isEqualTo(WorkedExample.C1);
        JsonNode intermediates = complaints.path("intermediateProducts");
        assertThat(intermediates.size()).isEqualTo(2);
        JsonNode payroll = intermediates.get(1);
        assertThat(payroll.path("id").asString()).isEqualTo("P3");
        assertThat(payroll.path("weight").decimalValue()).isEqualByComparingTo("3");
        assertThat(payroll.path("description").asString()).isEqualTo("Descripción de Gestión de nómina");
        assertThat(payroll.path("center").path("name").asString()).isEqualTo(WorkedExample.C2);

        JsonNode structure = json.readTree(get("/api/valuechain/views/programmatic-structure", TENANT, "es").body());
        JsonNode pr1 = structure.path("programs").get(0);
        assertThat(pr1.path("code").asString()).isEqualTo("PR1");
        assertThat(pr1.path("chains").get(0).path("terminalProduct").path("id").asString()).isEqualTo("P1");
        assertThat(pr1.path("activities").get(0).path("kind").asString()).isEqualTo("SPECIFIC");
        assertThat(pr1.path("plannedVolumes").get(0).path("plannedVolume").decimalValue()).isEqualByComparingTo("1500");
        assertThat(structure.path("centralActions").get(0).path("id").asString()).isEqualTo("P5");

        JsonNode central = json.readTree(get("/api/valuechain/views/central-actions", TENANT, "es").body());
        assertThat(central.path("count").asInt()).isEqualTo(1);
        assertThat(central.path("products").get(0).path("id").asString()).isEqualTo("P5");
    }

    private void readsTheLists() throws Exception {
        JsonNode byProgram = json.readTree(get("/api/valuechain/chains?programId=pr1", TENANT, "es").body());
        assertThat(byProgram.path("totalItems").asInt()).isEqualTo(1);
        assertThat(byProgram.path("items").get(0).path("id").asString()).isEqualTo("ch1");

        JsonNode program = json.readTree(get("/api/valuechain/programs/pr1", TENANT, "es").body());
        assertThat(program.path("chains").get(0).path("id").asString()).isEqualTo("ch1");
        assertThat(program.path("activities").get(0).path("id").asString()).isEqualTo("a1");

        JsonNode programs = json.readTree(get("/api/valuechain/programs?sort=code,desc&size=1", TENANT, "es").body());
        assertThat(programs.path("totalItems").asInt()).isEqualTo(2);
        assertThat(programs.path("items").get(0).path("code").asString()).isEqualTo("PR2");

        JsonNode chain = json.readTree(get("/api/valuechain/chains/ch1", TENANT, "es").body());
        assertThat(chain.path("links").size()).isEqualTo(2);
        assertThat(json.readTree(get("/api/valuechain/impacts", TENANT, "es").body()).path("totalItems").asInt()).isEqualTo(1);
        assertThat(json.readTree(get("/api/valuechain/results?impactId=im1", TENANT, "es").body())
                .path("totalItems").asInt()).isEqualTo(1);
    }

    private void hidesEverythingFromAnotherInstitution() throws Exception {
        HttpResponse<String> read = get("/api/valuechain/chains/ch1", OTHER, "es");
        assertThat(read.statusCode()).isEqualTo(404);
        assertThat(read.body()).contains("entity.not-found");

        HttpResponse<String> write = send("PUT", "/api/valuechain/chains/ch1/links", Map.of("intermediateProductId", "P3"),
                OTHER, "es");
        assertThat(write.statusCode()).isEqualTo(404);
        assertThat(write.body()).contains("entity.not-found");

        assertThat(json.readTree(get("/api/valuechain/views/value-chains", OTHER, "es").body()).path("impacts").size())
                .isZero();
    }

    private void checksThePublishedCloudEvents() {
        long stored = storedEvents();
        // im1, r1, ch1, ch2, 4 links, 1 unlink, pr1, pr2, 2 assignments, 1 planned volume, 2 activities,
        // 2 shares, 1 APNOP line recorded and removed
        assertThat(stored).isEqualTo(20);
        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAtLeast(broker.getBrokersAsString(),
                Topics.VALUECHAIN, (int) stored);

        ConsumerRecord<String, byte[]> linked = events.stream()
                .filter(r -> header(r, "ce_type").equals(EventTypes.typeOf(IntermediateLinked.class)))
                .filter(r -> new String(r.value(), StandardCharsets.UTF_8).contains("\"weight\":3"))
                .findFirst().orElseThrow();
        assertThat(linked.key()).isEqualTo(TENANT);
        assertThat(header(linked, "ce_subject")).isEqualTo("ch1");
        assertThat(header(linked, "ce_type")).isEqualTo("org.ppi.valuechain.IntermediateLinked.v1");
        assertThat(header(linked, "ce_tenantid")).isEqualTo(TENANT);
        assertThat(header(linked, "ce_actinguser")).isEqualTo(USER);
        assertThat(header(linked, "ce_source")).isEqualTo("/ppi/valuechain-service");
        assertThat(new String(linked.value(), StandardCharsets.UTF_8)).contains("\"intermediateProductId\":\"P3\"")
                .contains("\"feedsProductId\":\"P1\"");

        ConsumerRecord<String, byte[]> assigned = events.stream()
                .filter(r -> header(r, "ce_type").equals(EventTypes.typeOf(ChainAssignedToProgram.class)))
                .findFirst().orElseThrow();
        assertThat(assigned.key()).isEqualTo(TENANT);
        assertThat(header(assigned, "ce_subject")).isEqualTo("pr1");
        assertThat(header(assigned, "ce_tenantid")).isEqualTo(TENANT);
    }

    /** Every command endpoint fuzzed by input class: never a 5xx, every refusal precise and without events. */
    @Test
    void fuzzedCommandsAreRefusedPreciselyAndWriteNothing() throws Exception {
        String[][] tenants = {{"fz-vc", "fz"}, {"fz-vc-otra", "fo"}};
        for (String[] t : tenants) {
            publish(Topics.SURVEY, new CenterRegistered(t[0], "survey.user", t[1] + "-c1", "Centro " + t[1], null,
                    CenterArea.SUBSTANTIVE, null, null, null, null));
            publish(Topics.CATALOG, WorkedExample.product(t[0], t[1] + "-p1", t[1] + "-c1", "Terminal " + t[1], ProductType.TERMINAL, true, "10"));
            publish(Topics.CATALOG, WorkedExample.product(t[0], t[1] + "-p2", t[1] + "-c1", "Intermedio " + t[1], ProductType.INTERMEDIATE, false, "5"));
        }
        Await.until("the fuzz replicas", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from known_product where institution_id in ('fz-vc', 'fz-vc-otra')").query(Long.class).single() == 4);
        for (String[] t : tenants) {
            String p = t[1];
            expectCreated(send("POST", "/api/valuechain/impacts", Map.of("id", p + "-im1", "name", "Impacto " + p), t[0], "es"));
            expectCreated(send("POST", "/api/valuechain/results", Map.of("id", p + "-r1", "impactId", p + "-im1", "name", "Resultado"), t[0], "es"));
            expectCreated(Await.until("the chain over the replica", Duration.ofSeconds(30), () -> send("POST", "/api/valuechain/chains",
                    Map.of("id", p + "-ch1", "name", "Cadena " + p, "resultId", p + "-r1", "terminalProductId", p + "-p1"), t[0], "es"),
                    r -> r.statusCode() != 404 && r.statusCode() != 422));
            expectCreated(send("POST", "/api/valuechain/programs", Map.of("id", p + "-pr1", "code", p.toUpperCase() + "1",
                    "name", "Programa " + p, "expectedResult", "Resultado"), t[0], "es"));
            expectCreated(send("POST", "/api/valuechain/programs/" + p + "-pr1/activities", Map.of("id", p + "-a1",
                    "name", "Actividad", "kind", "SPECIFIC", "productId", p + "-p1"), t[0], "es"));
        }
        CommandFuzzer.Report report = CommandFuzzer.fuzzService(api, "valuechain-service", "fz-vc",
                Map.of("center", "fz-c1", "product", "fz-p1", "terminalProduct", "fz-p1", "feedsProduct", "fz-p1",
                        "intermediateProduct", "fz-p2", "impact", "fz-im1", "result", "fz-r1", "chain", "fz-ch1",
                        "program", "fz-pr1", "activity", "fz-a1"),
                Map.of("center", "fo-c1", "product", "fo-p1", "terminalProduct", "fo-p1", "feedsProduct", "fo-p1",
                        "intermediateProduct", "fo-p2", "impact", "fo-im1", "result", "fo-r1", "chain", "fo-ch1",
                        "program", "fo-pr1", "activity", "fo-a1"), this::storedEvents);
        assertThat(report.outcomes()).as("cases tried").hasSizeGreaterThan(300);
        assertThat(report.failures()).as(report.table()).isEmpty();
        assertThat(report.outcomes()).as("another institution's ids answer like unknown ones")
                .filteredOn(CommandFuzzer.Outcome::foreignId).isNotEmpty().allMatch(o -> o.status() >= 400 && o.status() < 500);
    }

    private static void expectCreated(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isIn(200, 201);
    }

    private void feedReplicas() throws Exception {
        for (PpiEvent product : WorkedExample.products(TENANT)) {
            publish(Topics.CATALOG, product);
        }
        publish(Topics.CATALOG, WorkedExample.product(OTHER, "X1", "cx", "Producto ajeno", ProductType.TERMINAL, true, "1"));
        publish(Topics.SURVEY, new CenterRegistered(TENANT, "survey.user", "c1", WorkedExample.C1, null,
                CenterArea.SUBSTANTIVE, null, null, null, null));
        publish(Topics.SURVEY, new CenterRegistered(TENANT, "survey.user", "c2", WorkedExample.C2, null,
                CenterArea.SUPPORT, null, null, null, null));
        Await.until("the replicas to hold 6 products and 2 centers", Duration.ofSeconds(30),
                () -> count("known_product") == 6 && count("known_center") == 2);
    }

    private void publish(String topic, PpiEvent event) throws Exception {
        CloudEventPublisher.publish(kafka, json, topic, event, Instant.now());
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private long storedEvents() {
        return count("domain_event_entry");
    }

    private HttpResponse<String> get(String path, String tenant, String language) throws Exception {
        return send("GET", path, null, tenant, language);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body, TENANT, "es");
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        return send("PUT", path, body, TENANT, "es");
    }

    private HttpResponse<String> send(String method, String path, Object body, String tenant, String language)
            throws Exception {
        return api.send(method, path, body, tenant, USER, language);
    }
}
