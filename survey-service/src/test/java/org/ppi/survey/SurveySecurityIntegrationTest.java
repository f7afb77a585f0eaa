package org.ppi.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.testing.ApiClient;
import org.ppi.platform.testing.Await;
import org.ppi.platform.testing.CloudEventPublisher;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
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
 * The kernel's resource server in a real write service: every kind of bad token is refused with 401 in the
 * platform's error format and the caller's language, the role matrix decides writes (403), a center manager
 * validates only his centers' interviews, the acting user comes from the token, and no refusal writes an event.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG}, partitions = 1, bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class SurveySecurityIntegrationTest {
    private static final String INST = "sec-inst";
    private static final Map<String, Object> CENTER = Map.of("id", "sec-cx", "name", "Centro X", "area", "SUPPORT");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "survey-security");
        TestTokens.register(registry);
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    private ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(port, json);
    }

    @Test
    void badTokensAre401InSpanishByDefaultAndInEnglishWhenAskedAndWriteNothing() throws Exception {
        long events = events();
        refused(api.request("POST", "/api/survey/centers").tenant(INST).user("u").noToken().body(CENTER).send(),
                401, "auth.unauthenticated", "Debe iniciar sesión");
        refused(api.request("POST", "/api/survey/centers").noToken().language("en").body(CENTER).send(),
                401, "auth.unauthenticated", "Please sign in");
        refused(withToken(TestTokens.builder().institution(INST).expiresAt(Instant.now().minusSeconds(600)).sign(), null),
                401, "auth.token-expired", "ha caducado");
        refused(withToken(TestTokens.builder().institution(INST).expiresAt(Instant.now().minusSeconds(600)).sign(), "en"),
                401, "auth.token-expired", "has expired");
        refused(withToken(TestTokens.builder().institution(INST).signedByAnotherKey().sign(), null),
                401, "auth.token-invalid", "no es válido");
        refused(withToken(TestTokens.builder().institution(INST).signedByAnotherKey().sign(), "en"),
                401, "auth.token-invalid", "is not valid");
        refused(withToken("not.a.jwt", null), 401, "auth.token-invalid", "no es válido");
        refused(withToken(TestTokens.builder().institution(INST).issuer("https://evil.example").sign(), null),
                401, "auth.token-issuer", "no fue emitido");
        refused(withToken(TestTokens.builder().institution(INST).issuer("https://evil.example").sign(), "en"),
                401, "auth.token-issuer", "was not issued");
        refused(withToken(TestTokens.builder().institution(INST).audience("another-api").sign(), null),
                401, "auth.token-audience", "no está destinado");
        refused(withToken(TestTokens.builder().institution(INST).audience("another-api").sign(), "en"),
                401, "auth.token-audience", "not meant for");
        refused(withToken(TestTokens.builder().institution(INST).audience().sign(), null), 401, "auth.token-audience",
                "no está destinado");
        refused(withToken(TestTokens.builder().institution(INST).expiresAt(null).sign(), null), 401, "auth.token-invalid",
                "no es válido");
        // A token without institution (the platform administrator's shape) reaches only deployment-wide endpoints.
        refused(withToken(TestTokens.builder().roles("platform-admin").sign(), null), 401, "auth.institution-missing",
                "no indica ninguna institución");
        refused(withToken(TestTokens.builder().roles("institution-admin").sign(), "en"), 401, "auth.institution-missing",
                "names no institution");
        HttpResponse<String> noToken = api.request("GET", "/api/survey/centers").noToken().send();
        refused(noToken, 401, "auth.unauthenticated", "Debe iniciar sesión");
        assertThat(noToken.headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
        assertThat(events()).isEqualTo(events);
    }

    @Test
    void headersThatDisagreeWithTheTokenAre401() throws Exception {
        register(INST + "-h");
        long events = events();
        String token = TestTokens.token(INST + "-h", "ana", TestTokens.INSTITUTION_ROLES);
        refused(api.request("POST", "/api/survey/centers").token(token).tenant("someone-else").body(CENTER).send(),
                401, "auth.headers-disagree", "no coinciden");
        refused(api.request("POST", "/api/survey/centers").token(token).tenant(INST + "-h").user("bob").language("en")
                .body(CENTER).send(), 401, "auth.headers-disagree", "do not match");
        assertThat(events()).isEqualTo(events);
        // Matching headers, and no headers at all, are both fine: the token decides.
        assertThat(api.request("GET", "/api/survey/centers").token(token).tenant(INST + "-h").user("ana").send()
                .statusCode()).isEqualTo(200);
        assertThat(api.request("GET", "/api/survey/centers").token(token).send().statusCode()).isEqualTo(200);
    }

    @Test
    void rolesDecideWritesAndARefusalWritesNothing() throws Exception {
        String inst = INST + "-r";
        long before = events();
        // Only the platform administrator registers institutions, and he needs no institution in his token.
        refused(as(inst, "institution-admin").request("POST", "/api/survey/institutions")
                .body(Map.of("id", inst + "-x", "name", "X", "currency", "DOP", "fiscalYear", 2026)).send(), 403,
                "auth.forbidden", "no permite");
        assertThat(events()).isEqualTo(before);
        register(inst);
        assertThat(events()).isEqualTo(before + 1);

        long events = events();
        refused(as(inst, "analyst").request("POST", "/api/survey/centers").body(CENTER).send(), 403, "auth.forbidden",
                "Su rol no permite");
        refused(as(inst, "analyst").request("POST", "/api/survey/centers").language("en").body(CENTER).send(), 403,
                "auth.forbidden", "Your role does not allow");
        refused(as(inst, "surveyor", "authority", "auditor").request("POST", "/api/survey/centers").body(CENTER).send(),
                403, "auth.forbidden", "no permite");
        refused(as(inst, "surveyor").request("PUT", "/api/survey/institution/costing-method")
                .body(Map.of("costingMethod", "FULL")).send(), 403, "auth.forbidden", "no permite");
        refused(as(inst, "center-manager").request("POST", "/api/survey/interviews")
                .body(Map.of("id", "r-i0", "centerId", "r-c1")).send(), 403, "auth.forbidden", "no permite");
        refused(as(inst, "analyst").request("DELETE", "/api/survey/centers/r-c1").send(), 403, "auth.forbidden",
                "no permite");
        assertThat(events()).isEqualTo(events);

        // The institution administrator sets up; a surveyor interviews and allocates; every reader reads.
        HttpResponse<String> center = as(inst, "institution-admin").request("POST", "/api/survey/centers")
                .body(Map.of("id", "r-c1", "name", "Atención", "area", "SUBSTANTIVE")).send();
        assertThat(center.statusCode()).as(center.body()).isEqualTo(201);
        assertThat(as(inst, "institution-admin").request("POST", "/api/survey/employees").body(Map.of("id", "r-e1",
                "centerId", "r-c1", "name", "Ana", "annualCost", new BigDecimal("1000"))).send().statusCode()).isEqualTo(201);
        HttpResponse<String> opened = api.request("POST", "/api/survey/interviews").tenant(inst).user("sara.surveyor")
                .roles("surveyor").body(Map.of("id", "r-i1", "centerId", "r-c1")).send();
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        publishProduct(inst, "r-p1", "r-c1");
        HttpResponse<String> allocated = Await.until("allocation accepted", Duration.ofSeconds(30),
                () -> as(inst, "surveyor").request("PUT", "/api/survey/interviews/r-i1/allocations")
                        .body(Map.of("employeeId", "r-e1", "productId", "r-p1", "hours", 5)).send(),
                r -> r.statusCode() != 422);
        assertThat(allocated.statusCode()).as(allocated.body()).isEqualTo(200);
        for (String reader : List.of("analyst", "authority", "auditor", "surveyor", "center-manager", "institution-admin")) {
            assertThat(as(inst, reader).request("GET", "/api/survey/interviews/r-i1").send().statusCode())
                    .as(reader).isEqualTo(200);
        }
        // The acting user recorded with the event is the token's subject.
        assertThat(jdbc.sql("select count(*) from domain_event_entry where aggregate_identifier = ? "
                + "and convert_from(meta_data, 'UTF8') like '%sara.surveyor%'").param(ScopedId.of(inst, "r-i1"))
                .query(Long.class).single()).isEqualTo(1);
        // A token with no role of the contract is refused everything but the open addresses.
        refused(as(inst, "visitor").request("GET", "/api/survey/centers").send(), 403, "auth.forbidden", "no permite");
    }

    @Test
    void aCenterManagerValidatesOnlyTheInterviewsOfHisCenters() throws Exception {
        String inst = INST + "-v";
        register(inst);
        for (String c : List.of("v-c1", "v-c2")) {
            assertThat(as(inst, "institution-admin").request("POST", "/api/survey/centers")
                    .body(Map.of("id", c, "name", "Centro " + c, "area", "SUBSTANTIVE")).send().statusCode()).isEqualTo(201);
        }
        for (String i : List.of("1", "2", "3")) {
            assertThat(as(inst, "surveyor").request("POST", "/api/survey/interviews")
                    .body(Map.of("id", "v-i" + i, "centerId", i.equals("2") ? "v-c2" : "v-c1")).send().statusCode())
                    .isEqualTo(201);
        }
        long events = events();
        HttpResponse<String> otherCenter = api.request("POST", "/api/survey/interviews/v-i2/validation").tenant(inst)
                .user("jefe").roles("center-manager").centers("v-c1").send();
        refused(otherCenter, 403, "auth.forbidden", "no permite");
        refused(api.request("POST", "/api/survey/interviews/v-i2/validation").tenant(inst).user("jefe")
                .roles("center-manager").send(), 403, "auth.forbidden", "no permite");
        refused(as(inst, "surveyor").request("POST", "/api/survey/interviews/v-i1/validation").send(), 403,
                "auth.forbidden", "no permite");
        assertThat(events()).isEqualTo(events);

        HttpResponse<String> own = api.request("POST", "/api/survey/interviews/v-i1/validation").tenant(inst)
                .user("jefe").roles("center-manager").centers("v-c1").send();
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(as(inst, "institution-admin").request("POST", "/api/survey/interviews/v-i2/validation").send()
                .statusCode()).isEqualTo(200);
        assertThat(events()).isEqualTo(events + 2);
        // Another institution's interview stays "not found", whatever the centers claim says.
        HttpResponse<String> foreign = api.request("POST", "/api/survey/interviews/v-i3/validation").tenant(inst + "-z")
                .user("jefe").roles("center-manager").centers("v-c1").send();
        assertThat(foreign.statusCode()).isEqualTo(404);
    }

    @Test
    void healthAndApiDocsStayOpen() throws Exception {
        assertThat(api.request("GET", "/actuator/health").noToken().send().statusCode()).isEqualTo(200);
        assertThat(api.request("GET", "/api/docs/survey-service").noToken().send().statusCode()).isEqualTo(200);
        assertThat(api.request("GET", "/actuator/env").noToken().send().statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> withToken(String token, String language) throws Exception {
        return api.request("POST", "/api/survey/centers").token(token).language(language).body(CENTER).send();
    }

    /** A client whose calls carry a token of this institution with exactly these roles. */
    private Roled as(String institution, String... roles) {
        return new Roled(institution, roles);
    }

    private final class Roled {
        private final String institution;
        private final String[] roles;

        Roled(String institution, String[] roles) {
            this.institution = institution;
            this.roles = roles;
        }

        ApiClient.Request request(String method, String path) {
            return api.request(method, path).tenant(institution).user(String.join("+", roles)).roles(roles);
        }
    }

    private void register(String institution) throws Exception {
        HttpResponse<String> registered = api.request("POST", "/api/survey/institutions").user("root")
                .roles("platform-admin").body(Map.of("id", institution, "name", "Institución " + institution,
                        "currency", "DOP", "fiscalYear", 2026)).send();
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(json.readTree(registered.body()).path("id").asString()).isEqualTo(institution);
    }

    private void refused(HttpResponse<String> response, int status, String code, String message) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = json.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asString()).isEqualTo(code);
        assertThat(body.path("message").asString()).contains(message);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    }

    private long events() {
        return jdbc.sql("select count(*) from domain_event_entry").query(Long.class).single();
    }

    private void publishProduct(String tenant, String productId, String centerId) throws Exception {
        CloudEventPublisher.publish(kafka, json, Topics.CATALOG, new ProductRegistered(tenant, "catalog.user", productId,
                centerId, "Producto", ProductType.TERMINAL, true, new BigDecimal("10"), "quejas",
                new ProductFeatures(null, java.util.Set.of(), null, null, List.of(), null, null)), Instant.now());
    }
}
