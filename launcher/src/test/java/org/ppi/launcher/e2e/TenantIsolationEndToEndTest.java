package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.launcher.e2e.E2ePlatform.DEMO;
import static org.ppi.launcher.e2e.E2ePlatform.SEED;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.ServiceSpec;
import tools.jackson.databind.JsonNode;

/**
 * The attack suite: a user of institution A ({@value E2ePlatform#SEED}) reaching for institution B's
 * ({@value E2ePlatform#DEMO}, loaded by {@link PlatformEndToEndTest}) records through every endpoint family — by
 * path, query, body, lineage, as-of, CSV — gets exactly what an unknown id gets, and writes nothing; forged identity
 * headers never change who acts; bad tokens answer 401 in the platform's format. Runs after
 * {@link PlatformEndToEndTest} on the same platform ({@link ClassOrderer.OrderAnnotation}).
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(E2ePlatform.Shared.class)
class TenantIsolationEndToEndTest {
    private static final String C = DEMO + ".C01";
    private static final String E = DEMO + ".E001";
    private static final String P = DEMO + ".P001";
    private static final String I = DEMO + ".I01";
    private static final String PR = DEMO + ".PR1";
    private static final String VC = DEMO + ".VC1";
    private static final String IM = DEMO + ".IM1";

    private final E2ePlatform e2e;
    private GatewayClient a;
    private GatewayClient b;
    private GatewayClient admin;

    TenantIsolationEndToEndTest(E2ePlatform e2e) {
        this.e2e = e2e;
    }

    @BeforeAll
    void users() {
        a = e2e.as(SEED, "institution-admin");
        b = e2e.as(DEMO, "authority");
        admin = e2e.admin();
        b.await("/api/costing/products/" + P, p -> p.path("productId").asString().equals(P), java.time.Duration.ofMinutes(2));
    }

    @Test
    void anotherInstitutionsIdsAnswerExactlyLikeUnknownOnesOnEveryReadFamily() {
        List<String> paths = List.of("/api/survey/centers/%s", "/api/survey/employees/%s", "/api/survey/interviews/%s",
                "/api/catalog/products/%s", "/api/valuechain/chains/%s", "/api/valuechain/programs/%s",
                "/api/valuechain/impacts/%s", "/api/costing/products/%s", "/api/costing/products/%s/lineage",
                "/api/costing/products/%s?asOf=2100-01-01T00:00:00Z", "/api/costing/employees/%s",
                "/api/costing/employees/%s/lineage", "/api/costing/centers/%s", "/api/costing/centers/%s/lineage",
                "/api/budget/programs/%s", "/api/budget/programs/%s/lineage");
        Map<String, String> ids = Map.ofEntries(Map.entry("centers", C), Map.entry("employees", E),
                Map.entry("interviews", I), Map.entry("products", P), Map.entry("chains", VC), Map.entry("programs", PR),
                Map.entry("impacts", IM));
        for (String template : paths) {
            String family = template.split("/")[3];
            String id = ids.get(family);
            GatewayClient.Answer own = b.send("GET", template.formatted(id), null);
            assertThat(own.status()).as("B reads its own %s", template).isEqualTo(200);
            GatewayClient.Answer foreign = a.send("GET", template.formatted(id), null);
            GatewayClient.Answer unknown = a.send("GET", template.formatted(id.replace(DEMO, "nadie")), null);
            assertThat(foreign.status()).as("A reading B's %s", template).isEqualTo(404).isEqualTo(unknown.status());
            assertThat(foreign.body().path("code").asString()).isEqualTo(unknown.body().path("code").asString());
            assertThat(foreign.body().toString()).doesNotContain("Defensor", "Despacho");
        }
    }

    @Test
    void queriesListsEventsAndExportsOfAnotherInstitutionFindNothing() {
        assertThat(b.get("/api/survey/allocations?employeeId=" + E).path("totalItems").asInt()).isPositive();
        assertThat(a.get("/api/survey/allocations?employeeId=" + E).path("totalItems").asInt()).isZero();
        assertThat(b.get("/api/costing/recalculations?figureKey=" + P).path("totalItems").asInt()).isPositive();
        assertThat(a.get("/api/costing/recalculations?figureKey=" + P).path("totalItems").asInt()).isZero();
        String eventOfB = b.get("/api/costing/products/" + P + "/lineage").path("events").get(0).path("eventId").asString();
        assertThat(b.get("/api/costing/events?id=" + eventOfB).toString()).contains(eventOfB);
        assertThat(a.get("/api/costing/events?id=" + eventOfB).toString()).doesNotContain(eventOfB);
        assertThat(a.get("/api/catalog/products?size=1000").toString()).doesNotContain(DEMO + ".");
        assertThat(a.get("/api/costing/products?size=1000").toString()).doesNotContain(DEMO + ".");
        assertThat(a.get("/api/budget/programs?size=1000").toString()).doesNotContain(DEMO + ".");
        assertThat(text(b, "/api/costing/products?format=csv")).contains(P);
        String csvOfA = text(a, "/api/costing/products?format=csv");
        assertThat(csvOfA).contains("s-informe").doesNotContain(DEMO);
        assertThat(text(a, "/api/survey/employees?format=csv")).doesNotContain(DEMO);
        assertThat(text(a, "/api/budget/structure?format=csv")).doesNotContain(DEMO);
    }

    @Test
    void writesToAnotherInstitutionsIdsAnswerLikeUnknownIdsAndWriteNothing() {
        Map<String, Long> before = eventsInStores();
        List<String[]> writes = List.of(
                new String[]{"PUT", "/api/survey/centers/%s/name", C, "{\"name\":\"Tomado\"}"},
                new String[]{"PUT", "/api/survey/centers/%s/non-labour-cost", C, "{\"amount\":1,\"note\":\"x\"}"},
                new String[]{"POST", "/api/survey/employees/%s/departure", E, "{\"effectiveDate\":\"2026-06-30\",\"reason\":\"x\"}"},
                new String[]{"PUT", "/api/survey/interviews/%s/allocations", I,
                        "{\"employeeId\":\"s-e0\",\"productId\":\"s-informe\",\"hours\":1}"},
                new String[]{"POST", "/api/survey/interviews/%s/validation", I, "{}"},
                new String[]{"PUT", "/api/catalog/products/%s/name", P, "{\"name\":\"Tomado\"}"},
                new String[]{"PUT", "/api/catalog/products/%s/volume", P, "{\"volume\":1,\"volumeUnit\":\"u\"}"},
                new String[]{"POST", "/api/valuechain/chains/%s/retirement", VC, "{\"reason\":\"x\"}"},
                new String[]{"PUT", "/api/valuechain/programs/%s", PR, "{\"code\":\"X1\",\"name\":\"Tomado\"}"});
        for (String[] w : writes) {
            GatewayClient.Answer foreign = a.send(w[0], w[1].formatted(w[2]), json(w[3]));
            GatewayClient.Answer unknown = a.send(w[0], w[1].formatted(w[2].replace(DEMO, "nadie")), json(w[3]));
            assertThat(foreign.status()).as("A writing B's %s", w[1]).isIn(404, 422).isEqualTo(unknown.status());
            assertThat(foreign.body().path("code").asString()).isEqualTo(unknown.body().path("code").asString());
        }
        // B's ids inside A's bodies: a center, an employee, a product of B are unknown to A.
        assertThat(a.send("POST", "/api/catalog/products", Map.of("id", "s-robo", "centerId", C, "name", "Robo",
                "type", "TERMINAL")).status()).isIn(404, 422);
        assertThat(a.send("POST", "/api/survey/interviews", Map.of("id", "s-robo-i", "centerId", C,
                "interviewer", "x")).status()).isIn(404, 422);
        assertThat(a.send("PUT", "/api/survey/interviews/s-i1/allocations", Map.of("employeeId", E, "productId", "s-informe",
                "hours", 1)).status()).isIn(404, 422);
        assertThat(eventsInStores()).as("no event written by any refused write").isEqualTo(before);
    }

    @Test
    void forgedIdentityHeadersNeverChangeWhoActs() throws Exception {
        GatewayClient forging = a.with(Map.of("X-Institution-Id", DEMO, "X-User-Id", DEMO + ".authority"));
        assertThat(forging.get("/api/survey/institution").toString()).contains("Defensor del Pueblo").doesNotContain(DEMO);
        assertThat(forging.send("GET", "/api/survey/centers/" + C, null).status()).isEqualTo(404);
        JsonNode lineage = a.lineageEvents("/api/costing/products/s-informe/lineage");
        assertThat(lineage).extracting(ev -> ev.path("actingUser").asString())
                .as("the acting user recorded is the token's subject").contains(SEED + ".institution-admin");

        // Straight to a service, past the gateway: a forged header against the token, or a header without a token.
        URI survey = URI.create("http://localhost:" + e2e.platform.port(ServiceSpec.BACKENDS.get(0)));
        String token = E2eUsers.of(e2e.issuer, SEED, "institution-admin").token();
        HttpResponse<String> disagree = direct(survey.resolve("/api/survey/centers"), Map.of("Authorization", "Bearer " + token,
                "X-Institution-Id", DEMO));
        assertThat(disagree.statusCode()).isEqualTo(401);
        assertThat(disagree.body()).contains("auth.headers-disagree");
        HttpResponse<String> headersOnly = direct(survey.resolve("/api/survey/centers"), Map.of("X-Institution-Id", DEMO,
                "X-User-Id", "intruso"));
        assertThat(headersOnly.statusCode()).isEqualTo(401);
        assertThat(headersOnly.body()).doesNotContain(DEMO + ".C");
    }

    @Test
    void badTokensAnswer401InSpanishAndWriteNothing() throws Exception {
        Map<String, Long> before = eventsInStores();
        String good = E2eUsers.of(e2e.issuer, SEED, "institution-admin").token();
        String[] parts = good.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + flip(parts[2]);
        String payloadOfB = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace(SEED, DEMO)
                .getBytes(StandardCharsets.UTF_8));
        String forgedClaims = parts[0] + "." + payloadOfB + "." + parts[2];
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[1] + ".";
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("tampered signature", tampered);
        tokens.put("claims changed to B", forgedClaims);
        tokens.put("unsigned", unsigned);
        tokens.put("not a token", "garbage");
        for (Map.Entry<String, String> t : tokens.entrySet()) {
            GatewayClient.Answer read = e2e.anonymous().with(Map.of("Authorization", "Bearer " + t.getValue()))
                    .send("GET", "/api/survey/centers", null);
            assertThat(read.status()).as(t.getKey()).isEqualTo(401);
            assertThat(read.body().path("code").asString()).as(t.getKey()).startsWith("auth.");
            assertThat(read.body().path("message").asString()).as(t.getKey()).isNotBlank().doesNotContain("Unauthorized");
            GatewayClient.Answer write = e2e.anonymous().with(Map.of("Authorization", "Bearer " + t.getValue()))
                    .send("POST", "/api/survey/centers", Map.of("id", "s-bad-token", "name", "X", "area", "SUPPORT"));
            assertThat(write.status()).as(t.getKey()).isEqualTo(401);
        }
        GatewayClient.Answer none = e2e.anonymous().send("POST", "/api/survey/centers",
                Map.of("id", "s-no-token", "name", "X", "area", "SUPPORT"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body().path("message").asString()).startsWith("Inicie sesión");
        GatewayClient.Answer adminOnData = admin.send("GET", "/api/costing/products", null);
        assertThat(adminOnData.status()).isEqualTo(401);
        assertThat(adminOnData.body().path("code").asString()).isEqualTo("auth.institution-missing");
        assertThat(eventsInStores()).isEqualTo(before);
    }

    /** Every cell of the README's role table, called as that role (a user of A; the platform admin for its column). */
    @Test
    void theReadmesRoleTableHoldsCellByCell() throws Exception {
        List<String> lines = java.nio.file.Files.readAllLines(java.nio.file.Path.of("").toAbsolutePath().getParent()
                .resolve("README.md"));
        int start = lines.indexOf("### Roles");
        assertThat(start).as("README has a ### Roles section").isPositive();
        List<String> header = null;
        int rows = 0;
        List<String> mismatches = new java.util.ArrayList<>();
        for (String line : lines.subList(start, lines.size())) {
            if (line.startsWith("#") && rows > 0) {
                break;
            }
            if (!line.startsWith("| ") || line.startsWith("|---")) {
                continue;
            }
            List<String> cells = java.util.Arrays.stream(line.split("\\|")).map(String::trim).skip(1).toList();
            if (header == null) {
                header = cells;
                assertThat(header.subList(2, header.size())).containsExactly("platform-admin", "institution-admin", "surveyor",
                        "center-manager", "authority", "auditor", "analyst");
                continue;
            }
            String[] request = cells.get(1).replace("`", "").split(" ", 2);
            String path = request[1].replace("{id}", "s-nadie");
            for (int column = 2; column < header.size(); column++) {
                String role = header.get(column);
                GatewayClient user = role.equals("platform-admin") ? admin : e2e.as(SEED, role);
                int status = user.send(request[0], path, null).status();
                boolean allowed = status != 401 && status != 403;
                boolean expected = cells.get(column).equals("✔");
                if (allowed != expected) {
                    mismatches.add(role + " " + cells.get(1) + " → " + status + " (README: " + cells.get(column) + ")");
                }
            }
            rows++;
        }
        assertThat(rows).as("rows of the role table").isGreaterThanOrEqualTo(15);
        assertThat(mismatches).as("cells where the platform and the README disagree").isEmpty();
        e2e.admin().await("/api/budget/admin/replay", r -> r.path("finished").asBoolean(), java.time.Duration.ofMinutes(3));
    }

    /**
     * Ids are each institution's own. A registers a center, an employee, a product and an interview under the ids B
     * uses: 201, not a 409 that would tell A they are taken. A's figures under those ids come from A's own hours
     * and salary; B's stay as they were. Last of the class: afterwards A knows ids the tests above expect unknown.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void anotherInstitutionRegistersTheSameIdsAsItsOwnAndKeepsItsOwnFigures() {
        JsonNode bProduct = b.get("/api/costing/products/" + P);
        JsonNode bEmployee = b.get("/api/costing/employees/" + E);
        JsonNode bCenter = b.get("/api/survey/centers/" + C);

        GatewayClient.Answer center = a.post("/api/survey/centers", Map.of("id", C, "name", "Centro propio de A",
                "area", "SUBSTANTIVE"));
        assertThat(center.status()).as(center.body().toString()).isEqualTo(201);
        GatewayClient.Answer employee = a.post("/api/survey/employees", Map.of("id", E, "centerId", C,
                "name", "Empleada propia de A", "annualCost", 520000, "contractedHours", 40));
        assertThat(employee.status()).as(employee.body().toString()).isEqualTo(201);
        Map<String, Object> product = Map.of("id", P, "centerId", C, "name", "Producto propio de A", "type", "TERMINAL",
                "volume", 10, "volumeUnit", "informes");
        assertThat(a.command("POST", "/api/catalog/products", product).status()).as("once catalog knows A's center")
                .isEqualTo(201);
        assertThat(a.post("/api/catalog/products", product).status()).as("a second time inside A").isEqualTo(409);
        assertThat(a.post("/api/survey/interviews", Map.of("id", I, "centerId", C, "interviewer", "Equipo A")).status())
                .isEqualTo(201);
        a.command("PUT", "/api/survey/interviews/" + I + "/allocations", Map.of("employeeId", E, "productId", P,
                "hours", 20));

        // Classic method, one employee in the center: 520,000 / (1 × 40 h) × 20 h = 260,000.00; unit cost / 10.
        JsonNode mine = a.await("/api/costing/products/" + P, p -> p.path("direct").isNumber()
                && p.path("direct").decimalValue().signum() > 0, java.time.Duration.ofMinutes(1));
        assertThat(mine.path("productName").asString()).isEqualTo("Producto propio de A");
        assertThat(mine.path("direct").decimalValue()).isEqualByComparingTo("260000.00")
                .isNotEqualByComparingTo(bProduct.path("direct").decimalValue());
        assertThat(mine.path("unitCost").decimalValue()).isEqualByComparingTo("26000.00");
        JsonNode myEmployee = a.get("/api/costing/employees/" + E);
        assertThat(myEmployee.path("allocatedCost").decimalValue()).isEqualByComparingTo("260000.00");
        assertThat(myEmployee.path("unusedCost").decimalValue()).isEqualByComparingTo("260000.00");
        assertThat(a.get("/api/survey/centers/" + C).path("name").asString()).isEqualTo("Centro propio de A");
        assertThat(a.lineageEvents("/api/costing/products/" + P + "/lineage").toString()).doesNotContain(DEMO + ".authority")
                .contains(SEED + ".institution-admin");

        // B: the same figures and records as before A used its ids.
        JsonNode bProductAfter = b.get("/api/costing/products/" + P);
        assertThat(bProductAfter.path("direct").decimalValue()).isEqualByComparingTo(bProduct.path("direct").decimalValue());
        assertThat(bProductAfter.path("fullCost").decimalValue())
                .isEqualByComparingTo(bProduct.path("fullCost").decimalValue());
        assertThat(bProductAfter.path("productName").asString()).isEqualTo(bProduct.path("productName").asString())
                .isNotEqualTo("Producto propio de A");
        assertThat(bProductAfter.path("causationEventId").asString())
                .isEqualTo(bProduct.path("causationEventId").asString());
        assertThat(b.get("/api/costing/employees/" + E).path("allocatedCost").decimalValue())
                .isEqualByComparingTo(bEmployee.path("allocatedCost").decimalValue());
        assertThat(b.get("/api/survey/centers/" + C).path("name").asString()).isEqualTo(bCenter.path("name").asString());
    }

    private Map<String, Long> eventsInStores() {
        Map<String, Long> last = new LinkedHashMap<>();
        for (String service : List.of("survey", "catalog", "valuechain")) {
            last.put(service, admin.get("/api/" + service + "/admin/lag").path("lastInStore").asLong());
        }
        return last;
    }

    private static Object json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(body, Map.class);
    }

    private static String flip(String signature) {
        char last = signature.charAt(10);
        return signature.substring(0, 10) + (last == 'A' ? 'B' : 'A') + signature.substring(11);
    }

    private String text(GatewayClient client, String path) {
        GatewayClient.Answer answer = client.send("GET", path, null);
        assertThat(answer.status()).as(path).isEqualTo(200);
        return answer.text();
    }

    private static HttpResponse<String> direct(URI uri, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
