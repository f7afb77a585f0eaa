package org.ppi.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.platform.testing.TopicReader.header;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.XlsxSheet;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.CommandFuzzer;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
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
 * The catalog service against a real PostgreSQL and an in-process KRaft broker: centers arrive from
 * ppi.survey.events into the replica, products registered and changed over HTTP become events in the event
 * store and reach ppi.catalog.events as CloudEvents, and the lists and summary read them back per tenant.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class CatalogServiceIntegrationTest {
    private static final String TENANT = "inst-it";
    private static final String OTHER = "inst-other";
    private static final String USER = "ana.planner";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "catalog");
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
    void productsTravelFromHttpToTheCatalogTopicAndBackIntoTenantScopedLists() throws Exception {
        publishSurvey(new CenterRegistered(TENANT, "survey.user", "it-c1", "Dirección de Atención al Ciudadano", "s1",
                CenterArea.SUBSTANTIVE, null, null, null, null));
        publishSurvey(new CenterRegistered(TENANT, "survey.user", "it-c2", "Dirección Administrativa", "s1",
                CenterArea.SUPPORT, null, null, null, null));
        publishSurvey(new CenterRegistered(TENANT, "survey.user", "it-closed", "Unidad cerrada", "s1",
                CenterArea.SUPPORT, null, null, null, null));
        publishSurvey(new CenterClosed(TENANT, "survey.user", "it-closed", LocalDate.of(2026, 1, 1), "fusión"));
        publishSurvey(new CenterRegistered(OTHER, "survey.user", "it-c-other", "Otra", "s9",
                CenterArea.SUBSTANTIVE, null, null, null, null));
        Await.until("the center replica to hold 3 open and 1 closed center", Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from center_replica where closed = false").query(Long.class).single() == 3
                        && jdbc.sql("select count(*) from center_replica where closed = true").query(Long.class).single() == 1);

        // Registration, with a client-chosen id and with a generated one.
        HttpResponse<String> p1 = send("POST", "/api/catalog/products", productForm("it-p1", "it-c1",
                "Atención de quejas ciudadanas", "TERMINAL", true, 1200), "es", TENANT);
        assertThat(p1.statusCode()).isEqualTo(201);
        assertThat(body(p1).get("id").asString()).isEqualTo("it-p1");
        HttpResponse<String> generated = send("POST", "/api/catalog/products", productForm(null, "it-c2",
                "Gestión de nómina", "INTERMEDIATE", false, null), "es", TENANT);
        assertThat(generated.statusCode()).isEqualTo(201);
        String p2 = body(generated).get("id").asString();
        assertThat(send("POST", "/api/catalog/products", productForm("it-p3", "it-c2", "Compras y suministros",
                "INTERMEDIATE", false, 40), "es", TENANT).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/catalog/products", productForm("it-p4", "it-c1", "Informe anual",
                "TERMINAL", false, 1), "es", TENANT).statusCode()).isEqualTo(201);
        assertThat(send("POST", "/api/catalog/products", productForm("it-pb", "it-c-other", "Producto ajeno",
                "TERMINAL", false, 1), "es", OTHER).statusCode()).isEqualTo(201);

        // Rejections: Spanish by default, English on request, and never an event.
        long eventsBefore = storedEvents();
        assertRejected(send("POST", "/api/catalog/products", productForm("it-x1", "it-c2", "Archivo", "INTERMEDIATE",
                true, 5), "es", TENANT), 422, "product.core-intermediate", "Solo un producto terminal puede ser CORE");
        assertRejected(send("POST", "/api/catalog/products", productForm("it-x2", "it-c2", "Archivo", "INTERMEDIATE",
                false, -1), "en", TENANT), 400, "product.volume-negative", "Volume cannot be negative (received: -1)");
        assertRejected(send("POST", "/api/catalog/products", productForm("it-x3", "it-closed", "Archivo", "INTERMEDIATE",
                false, 1), "es", TENANT), 422, "center.closed", "está cerrado");
        assertRejected(send("POST", "/api/catalog/products", productForm("it-x4", "it-c-other", "Archivo", "INTERMEDIATE",
                false, 1), "en", TENANT), 422, "center.not-found", "does not exist in your institution");
        assertRejected(send("PUT", "/api/catalog/products/it-p1/type", Map.of("type", "INTERMEDIATE", "core", true),
                "en", TENANT), 422, "product.core-intermediate", "Only a terminal product can be CORE");
        assertRejected(send("PUT", "/api/catalog/products/it-p1/name", Map.of("name", "Mío"), "es", OTHER), 404,
                "product.not-found", "No existe el producto it-p1 en su institución");
        assertRejected(send("PUT", "/api/catalog/products/it-nope/name", Map.of("name", "Mío"), "es", OTHER), 404,
                "product.not-found", "No existe el producto it-nope en su institución");
        assertRejected(send("POST", "/api/catalog/products/it-p1/merge", Map.of("targetProductId", "it-p1"), "en",
                TENANT), 422, "product.merge-self", "cannot be merged into itself");
        assertRejected(send("POST", "/api/catalog/products/it-p1/merge", Map.of("targetProductId", "it-pb"), "en",
                TENANT), 422, "product.merge-target-not-found", "Target product it-pb does not exist");
        assertRejected(send("POST", "/api/catalog/products", productForm("it-p1", "it-c1", "Otra vez", "TERMINAL",
                false, 1), "es", TENANT), 409, "entity.already-exists", "Ya existe");
        assertRejected(send("POST", "/api/catalog/products", Map.of("centerId", "it-c1", "type", "TERMINAL"), "es",
                TENANT), 400, "product.name-required", "necesita un nombre");
        assertThat(storedEvents()).isEqualTo(eventsBefore);

        // Every change.
        assertThat(send("PUT", "/api/catalog/products/it-p1/name", Map.of("name", "Atención de quejas"), "es", TENANT)
                .statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/catalog/products/it-p1/features", Map.of("description", "Recibe y responde quejas",
                "users", List.of("CITIZENS", "COMPANIES"), "frequency", "ON_DEMAND", "elaborationTime", "5 días",
                "processSteps", List.of("Recibir", "Responder"), "problems", "Demoras", "synergies", "Informe anual"),
                "es", TENANT).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/catalog/products/it-p4/type", Map.of("type", "INTERMEDIATE", "core", false), "es",
                TENANT).statusCode()).isEqualTo(200);
        assertThat(send("PUT", "/api/catalog/products/it-p3/volume", Map.of("volume", 0, "volumeUnit", "órdenes"), "es",
                TENANT).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/catalog/products/" + p2 + "/merge", Map.of("targetProductId", "it-p3"), "es",
                TENANT).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/api/catalog/products/it-p4/retirement", Map.of("reason", "Ya no se elabora"), "es",
                TENANT).statusCode()).isEqualTo(200);
        assertRejected(send("PUT", "/api/catalog/products/it-p4/volume", Map.of("volume", 3), "en", TENANT), 409,
                "product.retired", "was retired");
        assertRejected(send("POST", "/api/catalog/products/it-p1/merge", Map.of("targetProductId", "it-p4"), "es",
                TENANT), 409, "product.merge-target-inactive", "dado de baja o fusionado");

        // The read side, scoped to the caller's institution.
        JsonNode one = body(send("GET", "/api/catalog/products/it-p1", null, "es", TENANT));
        assertThat(one.get("name").asString()).isEqualTo("Atención de quejas");
        assertThat(one.get("centerName").asString()).isEqualTo("Dirección de Atención al Ciudadano");
        assertThat(one.get("area").asString()).isEqualTo("SUBSTANTIVE");
        assertThat(one.get("volume").decimalValue()).isEqualByComparingTo("1200");
        assertThat(one.get("users").toString()).isEqualTo("[\"CITIZENS\",\"COMPANIES\"]");
        assertThat(one.get("processSteps").toString()).isEqualTo("[\"Recibir\",\"Responder\"]");
        assertThat(one.get("updatedBy").asString()).isEqualTo(USER);
        assertThat(one.get("lastEventId").asString()).isNotBlank();
        assertRejected(send("GET", "/api/catalog/products/it-pb", null, "es", TENANT), 404, "product.not-found", "it-pb");

        JsonNode page = body(send("GET", "/api/catalog/products?size=2&sort=name,desc", null, "es", TENANT));
        assertThat(page.get("totalItems").asLong()).isEqualTo(4);
        assertThat(page.get("totalPages").asInt()).isEqualTo(2);
        assertThat(names(page)).containsExactly("Informe anual", "Gestión de nómina");
        assertThat(page.get("sort").toString()).isEqualTo("[\"name,desc\"]");
        assertThat(names(body(send("GET", "/api/catalog/products?size=2&page=1&sort=name,desc", null, "es", TENANT))))
                .containsExactly("Compras y suministros", "Atención de quejas");
        assertThat(names(body(send("GET", "/api/catalog/products?active=true&volumeGap=true", null, "es", TENANT))))
                .containsExactly("Compras y suministros");
        JsonNode merged = body(send("GET", "/api/catalog/products?active=false&sort=status", null, "es", TENANT));
        assertThat(names(merged)).containsExactly("Gestión de nómina", "Informe anual");
        assertThat(merged.get("items").get(0).get("mergedInto").asString()).isEqualTo("it-p3");
        assertThat(names(body(send("GET", "/api/catalog/products?type=TERMINAL&core=true&user=CITIZENS&q=QUEJAS", null,
                "es", TENANT)))).containsExactly("Atención de quejas");
        assertRejected(send("GET", "/api/catalog/products?sort=cost", null, "en", TENANT), 400, "request.sort-unknown",
                "Cannot sort by 'cost'");
        assertRejected(send("GET", "/api/catalog/products?type=FINAL", null, "es", TENANT), 400, "request.bad-parameter",
                "type");

        JsonNode summary = body(send("GET", "/api/catalog/views/product-summary", null, "es", TENANT));
        assertThat(summary.get("total").toString())
                .isEqualTo("{\"products\":2,\"terminal\":1,\"intermediate\":1,\"core\":1,\"volumeGaps\":1}");
        assertThat(summary.get("byCenter")).hasSize(2);

        HttpResponse<String> apiDocs = send("GET", "/api/docs/catalog-service", null, "es", TENANT);
        assertThat(apiDocs.statusCode()).isEqualTo(200);
        assertThat(apiDocs.body()).contains("/api/catalog/products/{id}/merge", "/api/catalog/views/product-summary",
                "X-Institution-Id", "\"name\":\"sort\"").doesNotContain("\"name\":\"actor\"");

        // The topic: one CloudEvent per event, keyed by institution, the product in ce_subject, with tenant and acting user.
        // A short extra poll (1 s): more records than expected would mean a rejected command leaked an event.
        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAtLeast(broker.getBrokersAsString(), Topics.CATALOG,
                11, Duration.ofSeconds(30), Duration.ofSeconds(1));
        ConsumerRecord<String, byte[]> registered = find(events, ProductRegistered.class, "it-p1");
        assertThat(header(registered, "ce_tenantid")).isEqualTo(TENANT);
        assertThat(header(registered, "ce_actinguser")).isEqualTo(USER);
        assertThat(header(registered, "ce_subject")).isEqualTo("it-p1");
        assertThat(header(registered, "ce_source")).isEqualTo("/ppi/catalog-service");
        ProductRegistered payload = json.readValue(registered.value(), ProductRegistered.class);
        assertThat(payload.core()).isTrue();
        assertThat(payload.volume()).isEqualByComparingTo("1200");
        assertThat(header(find(events, ProductRegistered.class, "it-pb"), "ce_tenantid")).isEqualTo(OTHER);
        find(events, ProductRenamed.class, "it-p1");
        find(events, ProductFeaturesRevised.class, "it-p1");
        find(events, ProductRetyped.class, "it-p4");
        find(events, ProductVolumeChanged.class, "it-p3");
        find(events, ProductRetired.class, "it-p4");
        ProductMergedInto mergedEvent = json.readValue(find(events, ProductMergedInto.class, p2).value(), ProductMergedInto.class);
        assertThat(mergedEvent.targetProductId()).isEqualTo("it-p3");
        assertThat(events).filteredOn(r -> List.of(TENANT, OTHER).contains(header(r, "ce_tenantid"))).hasSize(11);

        // The list's downloads: the caller's products alone, with the list's filters and sort, headers in the caller's
        // language, the volume a numeric cell, a text written like a formula kept as text behind an apostrophe.
        String formula = "=HYPERLINK(\"http://x\")";
        assertThat(send("POST", "/api/catalog/products", productForm("it-p5", "it-c1", formula, "TERMINAL", false, 7),
                "es", TENANT).statusCode()).isEqualTo(201);
        HttpResponse<byte[]> xlsx = api.request("GET", "/api/catalog/products?format=xlsx&active=true&sort=name")
                .tenant(TENANT).user(USER).language("en").sendForBytes();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"productos_inst-it_\\d{4}-\\d\\d-\\d\\d\\.xlsx\"");
        XlsxSheet sheet = XlsxSheet.read(xlsx.body());
        assertThat(sheet.headers()).startsWith("Product id", "Product", "Center id", "Center", "Area", "Type", "CORE");
        assertThat(sheet.rows()).hasSize(1 + 3);
        assertThat((java.math.BigDecimal) sheet.cell("Product id", "it-p1", "Yearly volume")).isEqualByComparingTo("1200")
                .isEqualByComparingTo(one.get("volume").decimalValue());
        assertThat(sheet.cell("Product id", "it-p1", "Process")).isEqualTo("Recibir → Responder");
        assertThat(sheet.cell("Product id", "it-p1", "CORE")).isEqualTo("Yes");
        assertThat(sheet.cell("Product id", "it-p5", "Product")).isEqualTo("'" + formula);
        assertThat(sheet.text()).doesNotContain("Producto ajeno").doesNotContain("it-p4").doesNotContain("it-pb");
        String csv = api.request("GET", "/api/catalog/products?format=csv&type=TERMINAL").tenant(TENANT).user(USER)
                .send().body();
        assertThat(csv).startsWith("\uFEFFId producto,Producto,Id centro,Centro,Área,Tipo,CORE,Descripción")
                .contains("it-p1,Atención de quejas,it-c1").contains("\"'=HYPERLINK(\"\"http://x\"\")\"")
                .doesNotContain("Producto ajeno").doesNotContain("Compras");
        String otherCsv = api.request("GET", "/api/catalog/products?format=csv").tenant(OTHER).user(USER).send().body();
        assertThat(otherCsv).contains("Producto ajeno").doesNotContain("it-p1").doesNotContain("Atención");
    }

    /**
     * A product code is the institution's own: a second institution registers P001 while the first one has it
     * (201, not a 409 that would tell it so), each institution reads and changes its own P001, and a second P001
     * inside one institution is still a conflict.
     */
    @Test
    void twoInstitutionsEachHaveTheirOwnProductUnderTheSameCode() throws Exception {
        String first = "inst-same-a";
        String second = "inst-same-b";
        publishSurvey(new CenterRegistered(first, "survey.user", "same-c1", "Centro de A", null, CenterArea.SUBSTANTIVE,
                null, null, null, null));
        publishSurvey(new CenterRegistered(second, "survey.user", "same-c1", "Centro de B", null, CenterArea.SUPPORT,
                null, null, null, null));
        Await.until("both institutions' same-c1 in the replica", Duration.ofSeconds(30),
                () -> jdbc.sql("select count(*) from center_replica where center_id = 'same-c1'").query(Long.class)
                        .single() == 2);

        assertThat(send("POST", "/api/catalog/products", productForm("P001", "same-c1", "Quejas de A", "TERMINAL", true,
                100), "es", first).statusCode()).isEqualTo(201);
        HttpResponse<String> theirs = send("POST", "/api/catalog/products", productForm("P001", "same-c1", "Nómina de B",
                "INTERMEDIATE", false, 7), "es", second);
        assertThat(theirs.statusCode()).as(theirs.body()).isEqualTo(201);
        assertThat(body(theirs).get("id").asString()).isEqualTo("P001");
        assertRejected(send("POST", "/api/catalog/products", productForm("P001", "same-c1", "Otra vez", "TERMINAL",
                false, 1), "es", second), 409, "entity.already-exists", "Ya existe");
        assertThat(send("PUT", "/api/catalog/products/P001/name", Map.of("name", "Nómina central de B"), "es", second)
                .statusCode()).isEqualTo(200);

        JsonNode a = body(send("GET", "/api/catalog/products/P001", null, "es", first));
        assertThat(a.get("name").asString()).isEqualTo("Quejas de A");
        assertThat(a.get("centerName").asString()).isEqualTo("Centro de A");
        assertThat(a.get("type").asString()).isEqualTo("TERMINAL");
        assertThat(a.get("volume").decimalValue()).isEqualByComparingTo("100");
        JsonNode b = body(send("GET", "/api/catalog/products/P001", null, "es", second));
        assertThat(b.get("name").asString()).isEqualTo("Nómina central de B");
        assertThat(b.get("centerName").asString()).isEqualTo("Centro de B");
        assertThat(b.get("area").asString()).isEqualTo("SUPPORT");
        assertThat(b.get("volume").decimalValue()).isEqualByComparingTo("7");
        assertThat(names(body(send("GET", "/api/catalog/products", null, "es", first)))).containsExactly("Quejas de A");
        assertThat(names(body(send("GET", "/api/catalog/products", null, "es", second))))
                .containsExactly("Nómina central de B");
        assertThat(body(send("GET", "/api/catalog/views/product-summary", null, "es", second)).get("total").toString())
                .isEqualTo("{\"products\":1,\"terminal\":0,\"intermediate\":1,\"core\":0,\"volumeGaps\":0}");

        // On the topic both keep the client's code; the tenant header tells them apart.
        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAtLeast(broker.getBrokersAsString(), Topics.CATALOG,
                3, Duration.ofSeconds(30), Duration.ofSeconds(1));
        assertThat(events).allSatisfy(r -> assertThat(r.key()).isEqualTo(header(r, "ce_tenantid")));
        assertThat(events).filteredOn(r -> "P001".equals(header(r, "ce_subject")))
                .extracting(r -> header(r, "ce_tenantid") + " " + header(r, "ce_subject") + " " + header(r, "ce_type"))
                .containsExactlyInAnyOrder(first + " P001 org.ppi.catalog.ProductRegistered.v1",
                        second + " P001 org.ppi.catalog.ProductRegistered.v1",
                        second + " P001 org.ppi.catalog.ProductRenamed.v1");
    }

    /** Every command endpoint fuzzed by input class: never a 5xx, every refusal precise and without events. */
    @Test
    void fuzzedCommandsAreRefusedPreciselyAndWriteNothing() throws Exception {
        for (String[] tenant : new String[][]{{"fz-cat", "fz"}, {"fz-cat-otra", "fo"}}) {
            publishSurvey(new CenterRegistered(tenant[0], "survey.user", tenant[1] + "-c1", "Centro " + tenant[1], null,
                    CenterArea.SUBSTANTIVE, null, null, null, null));
        }
        Await.until("both fuzz centers in the replica", Duration.ofSeconds(30), () -> jdbc.sql(
                "select count(*) from center_replica where center_id in ('fz-c1', 'fo-c1')").query(Long.class).single() == 2);
        for (String[] tenant : new String[][]{{"fz-cat", "fz"}, {"fz-cat-otra", "fo"}}) {
            for (String product : List.of("-p1", "-p2")) {
                HttpResponse<String> created = send("POST", "/api/catalog/products", productForm(tenant[1] + product,
                        tenant[1] + "-c1", "Producto " + tenant[1] + product, "TERMINAL", true, 10), "es", tenant[0]);
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            }
        }
        CommandFuzzer.Report report = CommandFuzzer.fuzzService(api, "catalog-service", "fz-cat",
                Map.of("center", "fz-c1", "product", "fz-p1", "target", "fz-p2"),
                Map.of("center", "fo-c1", "product", "fo-p1", "target", "fo-p2"), this::storedEvents);
        assertThat(report.outcomes()).as("cases tried").hasSizeGreaterThan(100);
        assertThat(report.failures()).as(report.table()).isEmpty();
        assertThat(report.outcomes()).as("another institution's ids answer like unknown ones")
                .filteredOn(CommandFuzzer.Outcome::foreignId).isNotEmpty().allMatch(o -> o.status() >= 400 && o.status() < 500);
    }

    private static Map<String, Object> productForm(String id, String centerId, String name, String type, boolean core,
                                                   Integer volume) {
        Map<String, Object> form = new HashMap<>();
        if (id != null) {
            form.put("id", id);
        }
        form.put("centerId", centerId);
        form.put("name", name);
        form.put("type", type);
        form.put("core", core);
        form.put("volume", volume);
        form.put("volumeUnit", "unidades");
        form.put("users", List.of("CITIZENS"));
        form.put("frequency", "DAILY");
        form.put("processSteps", List.of("Recibir"));
        return form;
    }

    private void assertRejected(HttpResponse<String> response, int status, String code, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode error = body(response);
        assertThat(error.get("code").asString()).isEqualTo(code);
        assertThat(error.get("message").asString()).contains(messagePart);
    }

    private long storedEvents() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }

    private static List<String> names(JsonNode page) {
        List<String> names = new ArrayList<>();
        page.get("items").forEach(item -> names.add(item.get("name").asString()));
        return names;
    }

    private void publishSurvey(PpiEvent event) throws Exception {
        CloudEventPublisher.publish(kafka, json, Topics.SURVEY, event, Instant.now());
    }

    private static ConsumerRecord<String, byte[]> find(List<ConsumerRecord<String, byte[]>> records, Class<?> type,
                                                       String key) {
        return records.stream()
                .filter(r -> header(r, "ce_type").equals(EventTypes.typeOf(type)) && key.equals(header(r, "ce_subject")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + type.getSimpleName() + " of " + key));
    }

    private HttpResponse<String> send(String method, String path, Object body, String language, String tenant)
            throws Exception {
        return api.send(method, path, body, tenant, USER, language);
    }
}
