package org.ppi.survey;

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
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The survey service against a real PostgreSQL and an in-process KRaft broker: commands over HTTP become
 * events in the event store, reach ppi.survey.events as CloudEvents, and the catalog replica fed from
 * ppi.catalog.events gates allocations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SurveyServiceIntegrationTest {
    private static final String TENANT = "inst-it";
    private static final String USER = "ana.planner";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "survey");
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
    void allocationTravelsFromHttpToTheSurveyTopicWithTenantUserAndInterview() throws Exception {
        assertThat(registerInstitution(TENANT, Map.of("name", "Defensor del Pueblo", "currency", "DOP",
                "fiscalYear", 2026)).statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/centers", Map.of("id", "it-c1", "name", "Dirección de Atención", "area", "SUBSTANTIVE"))
                .statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/employees", Map.of("id", "it-e1", "centerId", "it-c1", "name", "Ana",
                "annualCost", new BigDecimal("1200000.00"))).statusCode()).isEqualTo(201);
        assertThat(post("/api/survey/interviews", Map.of("id", "it-i1", "centerId", "it-c1")).statusCode()).isEqualTo(201);

        Map<String, Object> allocation = Map.of("employeeId", "it-e1", "productId", "it-p1", "hours", 10);
        HttpResponse<String> unknownProduct = put("/api/survey/interviews/it-i1/allocations", allocation);
        assertThat(unknownProduct.statusCode()).isEqualTo(422);
        assertThat(unknownProduct.body()).contains("allocation.product-unknown").contains("no existe en el catálogo");

        publishProduct("it-p1", TENANT);
        HttpResponse<String> accepted = awaitStatus(() -> put("/api/survey/interviews/it-i1/allocations", allocation), 200);
        assertThat(accepted.statusCode()).isEqualTo(200);

        HttpResponse<String> negative = put("/api/survey/interviews/it-i1/allocations",
                Map.of("employeeId", "it-e1", "productId", "it-p1", "hours", -1), "en");
        assertThat(negative.statusCode()).isEqualTo(400);
        assertThat(negative.body()).contains("allocation.hours-negative").contains("cannot be negative");

        List<ConsumerRecord<String, byte[]>> events = TopicReader.readAtLeast(broker.getBrokersAsString(), Topics.SURVEY, 5);
        ConsumerRecord<String, byte[]> allocated = events.stream()
                .filter(r -> header(r, "ce_type").equals(EventTypes.typeOf(org.ppi.contracts.survey.TimeAllocated.class)))
                .findFirst().orElseThrow();
        // keyed by institution (the projections' unit of order), the aggregate in ce_subject
        assertThat(allocated.key()).isEqualTo(TENANT);
        assertThat(header(allocated, "ce_subject")).isEqualTo("it-i1");
        assertThat(header(allocated, "ce_tenantid")).isEqualTo(TENANT);
        assertThat(header(allocated, "ce_actinguser")).isEqualTo("ana.planner");
        assertThat(header(allocated, "ce_interviewid")).isEqualTo("it-i1");
        assertThat(header(allocated, "ce_source")).isEqualTo("/ppi/survey-service");
        assertThat(header(allocated, "ce_causationid")).isNotBlank();
        assertThat(new String(allocated.value(), StandardCharsets.UTF_8)).contains("\"hours\":10");
        assertThat(events).filteredOn(r -> header(r, "ce_tenantid").equals(TENANT)).extracting(r -> header(r, "ce_type"))
                .doesNotContain(
                EventTypes.typeOf(org.ppi.contracts.survey.AllocationCorrected.class));
    }

    /** The survey model end to end over HTTP: every change lands in the read models, every refusal writes nothing. */
    @Test
    void theWholeSurveyModelOverHttp() throws Exception {
        String t = "inst-model";
        expect(registerInstitution(t, Map.of("name", "Defensor del Pueblo", "currency", "DOP",
                "fiscalYear", 2026, "weeklyHours", new BigDecimal("37.5"))), 201);
        HttpResponse<String> badCurrency = rejected(t, "PUT", "/api/survey/institution",
                Map.of("name", "X", "currency", "pesos", "fiscalYear", 2026), 400, "institution.currency", "en");
        assertThat(badCurrency.body()).contains("three-letter ISO 4217");
        expect(call(t, "PUT", "/api/survey/institution", Map.of("name", "Defensor del Pueblo RD", "country", "DO",
                "currency", "dop", "fiscalYear", 2026)), 200);
        Map<String, Object> institution = getJson(t, "/api/survey/institution");
        assertThat(institution).containsEntry("name", "Defensor del Pueblo RD").containsEntry("currency", "DOP");
        assertThat(decimal(institution.get("weeklyHours"))).isEqualByComparingTo("37.5");

        expect(call(t, "POST", "/api/survey/scopes", Map.of("id", "m-sus", "name", "Ámbito sustantivo")), 201);
        expect(call(t, "POST", "/api/survey/scopes", Map.of("id", "m-apo", "name", "Ámbito de apoyo")), 201);
        rejected(t, "POST", "/api/survey/scopes", Map.of("id", "m-x", "name", "ámbito de APOYO"), 409, "scope.name-taken");
        rejected(t, "POST", "/api/survey/scopes", Map.of("id", "m-apo", "name", "Otro"), 409, "entity.already-exists");
        expect(call(t, "PUT", "/api/survey/scopes/m-apo", Map.of("name", "Ámbito administrativo")), 200);
        rejected(t, "PUT", "/api/survey/scopes/m-nope", Map.of("name", "X"), 404, "scope.not-found");

        expect(call(t, "POST", "/api/survey/centers", Map.of("id", "m-c1", "name", "Atención", "scopeId", "m-sus",
                "area", "SUBSTANTIVE")), 201);
        expect(call(t, "POST", "/api/survey/centers", Map.of("id", "m-c2", "name", "Dirección Administrativa",
                "scopeId", "m-apo", "area", "SUPPORT", "manager", "Diego")), 201);
        expect(call(t, "POST", "/api/survey/centers", Map.of("id", "m-c3", "name", "Unidad de Archivo", "area", "SUPPORT",
                "parentCenterId", "m-c1")), 201);
        rejected(t, "PUT", "/api/survey/centers/m-c1/placement", Map.of("scopeId", "m-sus", "parentCenterId", "m-c3"),
                422, "center.parent-cycle");
        rejected(t, "PUT", "/api/survey/centers/m-c1/placement", Map.of("parentCenterId", "m-c1"), 422,
                "center.parent-self");
        rejected(t, "PUT", "/api/survey/centers/m-c1/placement", Map.of("scopeId", "m-nope"), 422, "scope.not-found");
        expect(call(t, "PUT", "/api/survey/centers/m-c3/placement", Map.of("scopeId", "m-apo", "parentCenterId", "m-c2")), 200);
        expect(call(t, "PUT", "/api/survey/centers/m-c1/name", Map.of("name", "Dirección de Atención al Ciudadano")), 200);
        expect(call(t, "PUT", "/api/survey/centers/m-c1/profile", Map.of("area", "SUBSTANTIVE", "function",
                "Atiende quejas", "organization", "3 analistas", "manager", "Ana")), 200);
        rejected(t, "PUT", "/api/survey/centers/m-c1/profile", Map.of("function", "x"), 400, "request.invalid");
        rejected(t, "PUT", "/api/survey/centers/m-c1/profile", Map.of("area", "MIDDLE"), 400, "request.malformed");
        rejected(t, "PUT", "/api/survey/centers/m-c1/non-labour-cost", Map.of("amount", -5), 400,
                "center.non-labour-negative");
        expect(call(t, "PUT", "/api/survey/centers/m-c1/non-labour-cost", Map.of("amount", 120000, "note", "2026")), 200);
        rejected(t, "PUT", "/api/survey/centers/m-nope/name", Map.of("name", "X"), 404, "center.not-found");

        expect(call(t, "POST", "/api/survey/employees", Map.of("id", "m-e1", "centerId", "m-c1", "name", "Ana",
                "annualCost", 1200000)), 201);
        expect(call(t, "POST", "/api/survey/employees", Map.of("id", "m-e2", "centerId", "m-c1", "name", "Carla",
                "annualCost", 600000, "contractedHours", 20)), 201);
        expect(call(t, "POST", "/api/survey/employees", Map.of("id", "m-e3", "centerId", "m-c2", "name", "Diego",
                "annualCost", 800000, "contractedHours", 40)), 201);
        rejected(t, "POST", "/api/survey/employees", Map.of("id", "m-e9", "centerId", "m-c1", "name", "X",
                "annualCost", -1), 400, "employee.annual-cost");
        assertThat(decimal(getJson(t, "/api/survey/employees/m-e1").get("contractedHours"))).isEqualByComparingTo("37.5");
        expect(call(t, "POST", "/api/survey/employees/m-e3/salary", Map.of("annualCost", 850000, "effectiveDate",
                "2026-07-01", "reason", "Ascenso")), 200);
        rejected(t, "POST", "/api/survey/employees/m-e3/salary", Map.of("annualCost", 850000), 400, "request.invalid");
        rejected(t, "POST", "/api/survey/employees/m-e3/contracted-hours", Map.of("contractedHours", 0), 400,
                "employee.contracted-hours");
        rejected(t, "POST", "/api/survey/employees/m-e3/contracted-hours", Map.of("contractedHours", 169), 400,
                "employee.contracted-hours");
        rejected(t, "POST", "/api/survey/employees/m-e3/transfer", Map.of("toCenterId", "m-c2"), 409,
                "employee.already-in-center");
        expect(call(t, "POST", "/api/survey/employees/m-e3/transfer", Map.of("toCenterId", "m-c3",
                "effectiveDate", "2026-07-01")), 200);

        expect(call(t, "POST", "/api/survey/centers/m-c2/closure", Map.of("effectiveDate", "2026-07-01",
                "reason", "Fusión")), 200);
        rejected(t, "POST", "/api/survey/centers/m-c2/closure", Map.of("effectiveDate", "2026-07-02", "reason", "x"),
                409, "center.closed");
        rejected(t, "POST", "/api/survey/centers/m-c1/closure", Map.of("effectiveDate", "2026-07-01"), 400,
                "request.invalid");
        rejected(t, "PUT", "/api/survey/centers/m-c2/name", Map.of("name", "X"), 409, "center.closed");
        rejected(t, "POST", "/api/survey/employees", Map.of("id", "m-e8", "centerId", "m-c2", "name", "X",
                "annualCost", 1), 422, "center.closed");
        rejected(t, "POST", "/api/survey/interviews", Map.of("id", "m-i9", "centerId", "m-c2"), 422, "center.closed");
        rejected(t, "POST", "/api/survey/employees/m-e3/transfer", Map.of("toCenterId", "m-c2"), 422, "center.closed");

        publishProduct("m-p1", t, "m-c1", "Atención de quejas ciudadanas");
        publishProduct("m-p2", t, "m-c1", "Informe anual");
        publishProduct("m-pb", "inst-elsewhere", "m-cb", "Producto ajeno");
        expect(call(t, "POST", "/api/survey/interviews", Map.of("id", "m-i1", "centerId", "m-c1", "date", "2026-03-03",
                "participants", List.of("Ana", "Carla"))), 201);
        expect(awaitStatus(() -> call(t, "PUT", "/api/survey/interviews/m-i1/allocations",
                Map.of("employeeId", "m-e1", "productId", "m-p1", "hours", 30)), 200), 200);
        expect(awaitStatus(() -> call(t, "PUT", "/api/survey/interviews/m-i1/allocations",
                Map.of("employeeId", "m-e1", "productId", "m-p2", "hours", 30)), 200), 200);
        assertThat(jdbc.sql("select updated_by from known_product where product_id = 'm-p1'").query(String.class).single())
                .isEqualTo("catalog.user");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e1", "productId", "m-p1",
                "hours", 38), 422, "allocation.hours-above-contract");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e1", "productId", "m-p1",
                "hours", -1), 400, "allocation.hours-negative");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e1", "productId", "m-pb",
                "hours", 1), 422, "allocation.product-unknown");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e1", "productId", "m-none",
                "hours", 1), 422, "allocation.product-unknown");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e3", "productId", "m-p1",
                "hours", 1), 422, "allocation.employee-other-center");
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-ghost", "productId", "m-p1",
                "hours", 1), 422, "employee.not-found");
        rejected(t, "PUT", "/api/survey/interviews/m-nope/allocations", Map.of("employeeId", "m-e1", "productId", "m-p1",
                "hours", 1), 404, "interview.not-found");
        expect(call(t, "PUT", "/api/survey/interviews/m-i1/allocations",
                Map.of("employeeId", "m-e2", "productId", "m-p1", "hours", 20)), 200);
        // Two users editing the interview from the same version: the first wins, the second gets 409 with the
        // current version and nothing of his is written (no lost update); with that version his change applies.
        long seen = ((Number) getJson(t, "/api/survey/interviews/m-i1").get("version")).longValue();
        assertThat(seen).as("opened (0) and three allocations").isEqualTo(3);
        expect(call(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e2", "productId", "m-p1",
                "hours", 15, "expectedVersion", seen)), 200);
        HttpResponse<String> loser = rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e2",
                "productId", "m-p1", "hours", 18, "expectedVersion", seen), 409, "interview.version-conflict");
        assertThat(loser.body()).contains("versión actual es " + (seen + 1));
        expect(call(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e2", "productId", "m-p1",
                "hours", 20, "expectedVersion", seen + 1)), 200);
        assertThat(((Number) getJson(t, "/api/survey/interviews/m-i1").get("version")).longValue()).isEqualTo(seen + 2);
        expect(call(t, "POST", "/api/survey/employees/m-e2/departure", Map.of("effectiveDate", "2026-06-30",
                "reason", "Renuncia")), 200);
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e2", "productId", "m-p2",
                "hours", 1), 422, "employee.left");
        expect(call(t, "POST", "/api/survey/employees/m-e2/departure", Map.of("effectiveDate", "2026-05-31",
                "reason", "Fecha corregida")), 200);
        rejected(t, "POST", "/api/survey/employees/m-e2/salary", Map.of("annualCost", 1, "effectiveDate", "2026-06-30",
                "reason", "x"), 409, "employee.left");

        Map<String, Object> ana = getJson(t, "/api/survey/employees/m-e1");
        assertThat(decimal(ana.get("allocatedHours"))).isEqualByComparingTo("60");
        assertThat(decimal(ana.get("unallocatedHours"))).isEqualByComparingTo("-22.5");
        assertThat(ana).containsEntry("overAllocated", true).containsEntry("centerName", "Dirección de Atención al Ciudadano");
        assertThat(ids(getJson(t, "/api/survey/employees?overAllocated=true"))).containsExactly("m-e1");

        expect(call(t, "POST", "/api/survey/interviews/m-i1/validation", Map.of("validatedOn", "2026-03-10")), 200);
        rejected(t, "PUT", "/api/survey/interviews/m-i1/allocations", Map.of("employeeId", "m-e1", "productId", "m-p2",
                "hours", 10), 409, "interview.validated");
        rejected(t, "POST", "/api/survey/interviews/m-i1/corrections", Map.of("employeeId", "m-e1", "productId", "m-p2",
                "hours", 10, "reason", " "), 400, "request.invalid");
        expect(call(t, "POST", "/api/survey/interviews/m-i1/corrections", Map.of("employeeId", "m-e1", "productId", "m-p2",
                "hours", 5, "reason", "Error de registro")), 200);
        expect(call(t, "POST", "/api/survey/interviews", Map.of("id", "m-i2", "centerId", "m-c1")), 201);
        expect(call(t, "PUT", "/api/survey/interviews/m-i2/allocations",
                Map.of("employeeId", "m-e1", "productId", "m-p1", "hours", 32)), 200);

        List<Map<String, Object>> current = items(getJson(t, "/api/survey/allocations?employeeId=m-e1&sort=product,asc"));
        assertThat(current).extracting(r -> r.get("productId"), r -> decimal(r.get("hours")).stripTrailingZeros().toPlainString(),
                r -> r.get("interviewId")).containsExactly(
                org.assertj.core.groups.Tuple.tuple("m-p1", "32", "m-i2"),
                org.assertj.core.groups.Tuple.tuple("m-p2", "5", "m-i1"));
        assertThat(current.get(0)).containsEntry("productName", "Atención de quejas ciudadanas");
        assertThat(current.get(1)).containsEntry("correctionReason", "Error de registro");
        Map<String, Object> anaNow = getJson(t, "/api/survey/employees/m-e1");
        assertThat(decimal(anaNow.get("allocatedHours"))).isEqualByComparingTo("37");
        assertThat(anaNow).containsEntry("overAllocated", false);

        Map<String, Object> i1 = getJson(t, "/api/survey/interviews/m-i1");
        assertThat(i1).containsEntry("status", "VALIDATED").containsEntry("validatedOn", "2026-03-10")
                .containsEntry("participants", List.of("Ana", "Carla"));
        assertThat((List<?>) i1.get("allocations")).hasSize(3);
        assertThat(ids(getJson(t, "/api/survey/interviews?status=OPEN&centerId=m-c1"))).containsExactly("m-i2");

        assertThat(ids(getJson(t, "/api/survey/centers?area=SUBSTANTIVE&closed=false"))).containsExactly("m-c1");
        assertThat(ids(getJson(t, "/api/survey/centers?closed=true"))).containsExactly("m-c2");
        assertThat(ids(getJson(t, "/api/survey/centers?sort=name,desc&size=2"))).containsExactly("m-c3", "m-c1");
        Map<String, Object> c1 = getJson(t, "/api/survey/centers/m-c1");
        assertThat(c1).containsEntry("employees", 1).containsEntry("manager", "Ana").containsEntry("scopeName",
                "Ámbito sustantivo").containsEntry("updatedBy", "ana.planner");
        assertThat(decimal(c1.get("nonLabourCost"))).isEqualByComparingTo("120000");
        assertThat(decimal(c1.get("annualCost"))).isEqualByComparingTo("1200000");
        assertThat(getJson(t, "/api/survey/centers/m-c3")).containsEntry("parentName", "Dirección Administrativa");
        assertThat(items(getJson(t, "/api/survey/scopes?sort=name"))).extracting(r -> r.get("name"))
                .containsExactly("Ámbito administrativo", "Ámbito sustantivo");
        assertThat(getJson(t, "/api/survey/scopes/m-apo")).containsEntry("centers", 1);

        Map<String, Object> view = getJson(t, "/api/survey/views/functions-and-organization");
        List<Map<String, Object>> groups = list(view.get("groups"));
        assertThat(groups).extracting(g -> g.get("scopeName")).containsExactly("Ámbito administrativo", "Ámbito sustantivo");
        assertThat(groups.get(0)).containsEntry("employees", 1);
        assertThat(decimal(groups.get(0).get("annualCost"))).isEqualByComparingTo("850000");
        Map<String, Object> totals = map(view.get("totals"));
        assertThat(totals).containsEntry("centers", 2).containsEntry("employees", 2);
        assertThat(decimal(totals.get("annualCost"))).isEqualByComparingTo("2050000");

        rejected(t, "GET", "/api/survey/centers?size=0", null, 400, "request.page-size");
        rejected(t, "GET", "/api/survey/centers?sort=salary", null, 400, "request.sort-unknown");
        rejected(t, "GET", "/api/survey/centers?area=MIDDLE", null, 400, "request.bad-parameter");
        rejected(t, "GET", "/api/survey/employees/m-nope", null, 404, "employee.not-found");
    }

    /** A second institution neither sees nor changes the first one's records, and learns nothing about them. */
    @Test
    void anotherInstitutionIsToldNothingExists() throws Exception {
        String owner = "inst-owner";
        String intruder = "inst-intruder";
        for (String tenant : List.of(owner, intruder)) {
            expect(registerInstitution(tenant, Map.of("name", "Institución " + tenant,
                    "currency", "USD", "fiscalYear", 2026)), 201);
        }
        expect(call(owner, "POST", "/api/survey/centers", Map.of("id", "o-c1", "name", "Centro secreto",
                "area", "SUBSTANTIVE")), 201);
        expect(call(owner, "POST", "/api/survey/employees", Map.of("id", "o-e1", "centerId", "o-c1", "name", "Ana",
                "annualCost", 1000)), 201);
        expect(call(owner, "POST", "/api/survey/interviews", Map.of("id", "o-i1", "centerId", "o-c1")), 201);
        expect(call(owner, "POST", "/api/survey/scopes", Map.of("id", "o-s1", "name", "Ámbito")), 201);

        for (String path : List.of("/api/survey/centers/o-c1", "/api/survey/employees/o-e1", "/api/survey/interviews/o-i1",
                "/api/survey/scopes/o-s1")) {
            HttpResponse<String> response = call(intruder, "GET", path, null);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Centro secreto");
        }
        rejected(intruder, "PUT", "/api/survey/centers/o-c1/name", Map.of("name", "Mío"), 404, "center.not-found");
        rejected(intruder, "PUT", "/api/survey/centers/o-c1/non-labour-cost", Map.of("amount", 1), 404, "center.not-found");
        rejected(intruder, "PUT", "/api/survey/centers/o-c1/placement", Map.of(), 404, "center.not-found");
        rejected(intruder, "POST", "/api/survey/centers/o-c1/closure", Map.of("effectiveDate", "2026-01-01",
                "reason", "x"), 404, "center.not-found");
        rejected(intruder, "POST", "/api/survey/employees/o-e1/salary", Map.of("annualCost", 1,
                "effectiveDate", "2026-01-01"), 404, "employee.not-found");
        rejected(intruder, "POST", "/api/survey/employees/o-e1/departure", Map.of("effectiveDate", "2026-01-01",
                "reason", "x"), 404, "employee.not-found");
        rejected(intruder, "PUT", "/api/survey/interviews/o-i1/allocations", Map.of("employeeId", "o-e1",
                "productId", "p", "hours", 1), 404, "interview.not-found");
        rejected(intruder, "POST", "/api/survey/interviews/o-i1/validation", null, 404, "interview.not-found");
        rejected(intruder, "PUT", "/api/survey/scopes/o-s1", Map.of("name", "X"), 404, "scope.not-found");
        rejected(intruder, "POST", "/api/survey/employees", Map.of("id", "x-e1", "centerId", "o-c1", "name", "X",
                "annualCost", 1), 422, "center.not-found");
        // An id of another aggregate type is just as unknown.
        rejected(owner, "PUT", "/api/survey/centers/o-e1/name", Map.of("name", "X"), 404, "center.not-found");

        assertThat(getJson(intruder, "/api/survey/centers")).containsEntry("totalItems", 0);
        assertThat(getJson(intruder, "/api/survey/employees")).containsEntry("totalItems", 0);
        assertThat(getJson(intruder, "/api/survey/interviews")).containsEntry("totalItems", 0);
        assertThat(getJson(intruder, "/api/survey/allocations")).containsEntry("totalItems", 0);
        assertThat(map(getJson(intruder, "/api/survey/views/functions-and-organization").get("totals")))
                .containsEntry("centers", 0);
        assertThat(getJson(owner, "/api/survey/centers/o-c1")).containsEntry("name", "Centro secreto");

        // The view's downloads: the owner's centers alone, headers in the caller's language, the annual cost a
        // numeric cell with the JSON's cents, a function written like a formula kept as text; the intruder's is empty.
        String formula = "=HYPERLINK(\"http://x\")";
        expect(call(owner, "POST", "/api/survey/centers", Map.of("id", "o-c2", "name", "Centro dos", "area", "SUPPORT",
                "function", formula)), 201);
        HttpResponse<byte[]> xlsx = api.request("GET", "/api/survey/views/functions-and-organization?format=xlsx")
                .tenant(owner).user("ana").language("en").sendForBytes();
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Disposition").orElse(""))
                .matches("attachment; filename=\"funciones-y-organizacion_inst-owner_\\d{4}-\\d\\d-\\d\\d\\.xlsx\"");
        XlsxSheet sheet = XlsxSheet.read(xlsx.body());
        assertThat(sheet.headers()).startsWith("Scope id", "Scope", "Center id", "Center", "Function");
        Object cost = sheet.cell("Center id", "o-c1", "Annual cost");
        Object jsonCost = list(getJson(owner, "/api/survey/views/functions-and-organization").get("groups")).stream()
                .flatMap(g -> list(g.get("centers")).stream()).filter(c -> "o-c1".equals(c.get("centerId")))
                .findFirst().orElseThrow().get("annualCost");
        assertThat((BigDecimal) cost).isEqualByComparingTo("1000.00").isEqualByComparingTo(decimal(jsonCost));
        assertThat(sheet.format(1, sheet.headers().indexOf("Annual cost"))).isEqualTo("#,##0.00");
        assertThat(sheet.cell("Center id", "o-c2", "Function")).isEqualTo("'" + formula);
        assertThat((BigDecimal) sheet.cell("Center", "Total", "Employees")).isEqualByComparingTo("1");
        String csv = api.request("GET", "/api/survey/views/functions-and-organization?format=csv").tenant(owner)
                .user("ana").send().body();
        assertThat(csv).startsWith("\uFEFFId ámbito,Ámbito,Id centro,Centro,Función,Organización,Responsable,Área")
                .contains("Sin ámbito,o-c1,Centro secreto").contains("\"'=HYPERLINK(\"\"http://x\"\")\"");
        String intruderCsv = api.request("GET", "/api/survey/views/functions-and-organization?format=csv")
                .tenant(intruder).user("eve").send().body();
        assertThat(intruderCsv).doesNotContain("Centro secreto").doesNotContain("o-c1");
        assertThat(intruderCsv.lines().count()).as("the header and the total row").isEqualTo(2);
    }

    /**
     * Ids are the institution's own: a second institution registers the ids the first one uses (201, not 409),
     * each institution reads its own records under them, and a repeated id inside one institution is still a 409.
     */
    @Test
    void twoInstitutionsUseTheSameIdsSeparately() throws Exception {
        Map<String, Integer> hours = Map.of("inst-same-a", 10, "inst-same-b", 25);
        Map<String, BigDecimal> costs = Map.of("inst-same-a", new BigDecimal("1000.00"), "inst-same-b",
                new BigDecimal("2500.00"));
        for (String tenant : List.of("inst-same-a", "inst-same-b")) {
            expect(registerInstitution(tenant, Map.of("name", "Institución " + tenant, "currency", "USD",
                    "fiscalYear", 2026)), 201);
            expect(call(tenant, "POST", "/api/survey/scopes", Map.of("id", "same-s1", "name", "Ámbito " + tenant)), 201);
            expect(call(tenant, "POST", "/api/survey/centers", Map.of("id", "same-c1", "name", "Centro " + tenant,
                    "area", "SUBSTANTIVE", "scopeId", "same-s1")), 201);
            expect(call(tenant, "POST", "/api/survey/employees", Map.of("id", "same-e1", "centerId", "same-c1",
                    "name", "Empleada " + tenant, "annualCost", costs.get(tenant))), 201);
            expect(call(tenant, "POST", "/api/survey/interviews", Map.of("id", "same-i1", "centerId", "same-c1")), 201);
            publishProduct("same-p1", tenant, "same-c1", "Producto " + tenant);
            Map<String, Object> allocation = Map.of("employeeId", "same-e1", "productId", "same-p1",
                    "hours", hours.get(tenant));
            awaitStatus(() -> call(tenant, "PUT", "/api/survey/interviews/same-i1/allocations", allocation), 200);
        }
        rejected("inst-same-b", "POST", "/api/survey/centers", Map.of("id", "same-c1", "name", "Otra vez",
                "area", "SUPPORT"), 409, "entity.already-exists");

        for (String tenant : List.of("inst-same-a", "inst-same-b")) {
            assertThat(getJson(tenant, "/api/survey/scopes/same-s1")).containsEntry("name", "Ámbito " + tenant);
            assertThat(getJson(tenant, "/api/survey/centers/same-c1")).containsEntry("name", "Centro " + tenant);
            Map<String, Object> employee = getJson(tenant, "/api/survey/employees/same-e1");
            assertThat(employee).containsEntry("name", "Empleada " + tenant);
            assertThat(decimal(employee.get("annualCost"))).isEqualByComparingTo(costs.get(tenant));
            assertThat(decimal(employee.get("allocatedHours"))).isEqualByComparingTo(String.valueOf(hours.get(tenant)));
            List<Map<String, Object>> allocations = items(getJson(tenant, "/api/survey/allocations"));
            assertThat(allocations).hasSize(1);
            assertThat(allocations.get(0)).containsEntry("productName", "Producto " + tenant)
                    .containsEntry("employeeName", "Empleada " + tenant);
            assertThat(decimal(allocations.get(0).get("hours"))).isEqualByComparingTo(String.valueOf(hours.get(tenant)));
            assertThat(getJson(tenant, "/api/survey/centers")).containsEntry("totalItems", 1);
        }
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)")
                .params("inst-same-a~same-c1", "inst-same-b~same-c1").query(Long.class).single())
                .as("one stream per institution").isEqualTo(2);
    }

    /**
     * Every command endpoint of the OpenAPI document, fuzzed by input class (missing fields, wrong types, huge
     * strings, absurd numbers, unknown and another institution's ids, unicode and injection, malformed and oversized
     * bodies): never a 5xx, and every refusal is the error format with no event written.
     */
    @Test
    void fuzzedCommandsAreRefusedPreciselyAndWriteNothing() throws Exception {
        for (String tenant : List.of("fz-it", "fz-otra")) {
            String p = tenant.equals("fz-it") ? "fz" : "fo";
            expect(registerInstitution(tenant, Map.of("name", "Institución " + tenant, "currency", "DOP", "fiscalYear", 2026)), 201);
            expect(call(tenant, "POST", "/api/survey/scopes", Map.of("id", p + "-s1", "name", "Ámbito " + p)), 201);
            expect(call(tenant, "POST", "/api/survey/centers", Map.of("id", p + "-c1", "name", "Centro " + p,
                    "area", "SUPPORT", "scopeId", p + "-s1")), 201);
            expect(call(tenant, "POST", "/api/survey/employees", Map.of("id", p + "-e1", "centerId", p + "-c1",
                    "name", "Funcionaria " + p, "annualCost", new BigDecimal("900000.00"))), 201);
            expect(call(tenant, "POST", "/api/survey/interviews", Map.of("id", p + "-i1", "centerId", p + "-c1")), 201);
            publishProduct(p + "-p1", tenant, p + "-c1", "Producto " + p);
        }
        CommandFuzzer.Report report = CommandFuzzer.fuzzService(api, "survey-service", "fz-it",
                Map.of("center", "fz-c1", "employee", "fz-e1", "interview", "fz-i1", "scope", "fz-s1", "product", "fz-p1"),
                Map.of("center", "fo-c1", "employee", "fo-e1", "interview", "fo-i1", "scope", "fo-s1", "product", "fo-p1"),
                this::eventCount);
        assertThat(report.outcomes()).as("cases tried").hasSizeGreaterThan(300);
        assertThat(report.failures()).as(report.table()).isEmpty();
        assertThat(report.outcomes()).as("another institution's ids answer like unknown ones")
                .filteredOn(CommandFuzzer.Outcome::foreignId).isNotEmpty().allMatch(o -> o.status() >= 400 && o.status() < 500);
        assertThat(report.outcomes()).as("the bad inputs are refused, not accepted")
                .filteredOn(o -> o.input().inputClass() == CommandFuzzer.InputClass.MALFORMED_BODY
                        || o.input().inputClass() == CommandFuzzer.InputClass.OVERSIZED_BODY)
                .allMatch(o -> o.status() >= 400 && o.status() < 500);
    }

    @Test
    void openApiDescribesTheEndpoints() throws Exception {
        HttpResponse<String> docs = call(TENANT, "GET", "/api/docs/survey-service", null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/survey/centers/{id}/closure", "/api/survey/employees/{id}/transfer",
                "/api/survey/views/functions-and-organization", "/api/survey/allocations");
        assertThat(docs.body()).as("the Actor comes from headers, not from parameters").doesNotContain("\"name\":\"actor\"");
    }

    /** Institutions are registered by the platform administrator (a token without institution). */
    private HttpResponse<String> registerInstitution(String id, Map<String, Object> form) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(form);
        body.put("id", id);
        return api.request("POST", "/api/survey/institutions").user("platform.admin").roles("platform-admin")
                .body(body).send();
    }

    private HttpResponse<String> call(String tenant, String method, String path, Object body) throws Exception {
        return send(tenant, method, path, body, "es");
    }

    private static void expect(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.uri() + " → " + response.body()).isEqualTo(status);
    }

    private HttpResponse<String> rejected(String tenant, String method, String path, Object body, int status, String code)
            throws Exception {
        return rejected(tenant, method, path, body, status, code, "es");
    }

    /** The call is refused with this status and code, a message in the language asked for, and no new event. */
    private HttpResponse<String> rejected(String tenant, String method, String path, Object body, int status, String code,
                                          String language) throws Exception {
        long before = eventCount();
        HttpResponse<String> response = send(tenant, method, path, body, language);
        assertThat(response.statusCode()).as(method + " " + path + " → " + response.body()).isEqualTo(status);
        Map<String, Object> error = map(json.readValue(response.body(), Map.class));
        assertThat(error).as(response.body()).containsEntry("code", code).containsEntry("status", status);
        assertThat((String) error.get("message")).isNotBlank().isNotEqualTo(code);
        assertThat(eventCount()).as("events after " + method + " " + path).isEqualTo(before);
        return response;
    }

    private long eventCount() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private Map<String, Object> getJson(String tenant, String path) throws Exception {
        HttpResponse<String> response = call(tenant, "GET", path, null);
        expect(response, 200);
        return map(json.readValue(response.body(), Map.class));
    }

    private static List<Map<String, Object>> items(Map<String, Object> page) {
        return list(page.get("items"));
    }

    private static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(r -> r.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    private static BigDecimal decimal(Object number) {
        return new BigDecimal(String.valueOf(number));
    }

    private void publishProduct(String productId, String tenant) throws Exception {
        publishProduct(productId, tenant, "it-c1", "Atención de quejas");
    }

    private void publishProduct(String productId, String tenant, String centerId, String name) throws Exception {
        ProductRegistered event = new ProductRegistered(tenant, "catalog.user", productId, centerId, name,
                ProductType.TERMINAL, true, new BigDecimal("1200"), "quejas",
                new ProductFeatures(null, java.util.Set.of(), null, null, List.of(), null, null));
        CloudEventPublisher.publish(kafka, json, Topics.CATALOG, event, Instant.now());
    }

    /** Repeats the call (the catalog replica may still be catching up) until it answers this status, 30 s at most. */
    private static HttpResponse<String> awaitStatus(Await.Probe<HttpResponse<String>> call, int status) throws Exception {
        return Await.until("HTTP " + status, Duration.ofSeconds(30), call, response -> response.statusCode() == status);
    }

    private HttpResponse<String> post(String path, Object body) throws Exception {
        return send("POST", path, body, "es");
    }

    private HttpResponse<String> put(String path, Object body) throws Exception {
        return send("PUT", path, body, "es");
    }

    private HttpResponse<String> put(String path, Object body, String language) throws Exception {
        return send("PUT", path, body, language);
    }

    private HttpResponse<String> send(String method, String path, Object body, String language) throws Exception {
        return send(TENANT, method, path, body, language);
    }

    HttpResponse<String> send(String tenant, String method, String path, Object body, String language) throws Exception {
        return api.send(method, path, body, tenant, USER, language);
    }
}
