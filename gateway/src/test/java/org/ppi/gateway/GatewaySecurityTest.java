package org.ppi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's door against an OpenID provider that signs real tokens (a discovery document and a JWKS served
 * over HTTP, with its own RSA key) and a backend that echoes what it received: who may pass, what identity the
 * services see, and what the door adds to every answer.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "ppi.gateway.rate-limit.per-second=1", "ppi.gateway.rate-limit.burst=30", "ppi.gateway.max-request-bytes=2048"})
class GatewaySecurityTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RSAKey KEY = key("ppi-test");
    private static final RSAKey FOREIGN_KEY = key("ppi-test");
    private static final HttpServer IDP = server();
    private static final HttpServer BACKEND = server();
    private static final Map<String, Map<String, List<String>>> RECEIVED = new ConcurrentHashMap<>();
    private static final String ISSUER = "http://localhost:" + IDP.getAddress().getPort();

    static {
        IDP.createContext("/.well-known/openid-configuration", exchange -> reply(exchange, 200, JSON.writeValueAsString(Map.of(
                "issuer", ISSUER, "authorization_endpoint", ISSUER + "/oauth2/authorize",
                "token_endpoint", ISSUER + "/oauth2/token", "jwks_uri", ISSUER + "/oauth2/jwks",
                "userinfo_endpoint", ISSUER + "/userinfo", "end_session_endpoint", ISSUER + "/connect/logout",
                "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256")))));
        IDP.createContext("/oauth2/jwks", exchange -> reply(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()));
        BACKEND.createContext("/", exchange -> {
            RECEIVED.put(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()));
            reply(exchange, 200, "{\"ok\":true}");
        });
        IDP.start();
        BACKEND.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("PPI_ISSUER_URI", () -> ISSUER);
        String backend = "http://localhost:" + BACKEND.getAddress().getPort();
        for (String service : List.of("SURVEY", "CATALOG", "VALUECHAIN", "COSTING", "BUDGET")) {
            registry.add("PPI_" + service + "_URL", () -> backend);
        }
    }

    @AfterAll
    static void stop() {
        IDP.stop(0);
        BACKEND.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void withoutATokenAnApiCallIsRefusedInSpanishOrEnglishAndNeverReachesAService() throws Exception {
        HttpResponse<String> spanish = call("GET", "/api/costing/products/none", null, Map.of());
        assertThat(spanish.statusCode()).isEqualTo(401);
        JsonNode error = JSON.readTree(spanish.body());
        assertThat(error.get("code").asString()).isEqualTo("auth.unauthenticated");
        assertThat(error.get("message").asString()).startsWith("Inicie sesión");
        HttpResponse<String> english = call("GET", "/api/costing/products/none", null, Map.of("Accept-Language", "en"));
        assertThat(JSON.readTree(english.body()).get("message").asString()).startsWith("Sign in");
        assertThat(RECEIVED).doesNotContainKey("/api/costing/products/none");
    }

    @Test
    void badTokensAreRefused() throws Exception {
        Instant now = Instant.now();
        Map<String, String> cases = Map.of(
                "expired", token(KEY, ISSUER, "ppi", now.minusSeconds(7200), now.minusSeconds(3600)),
                "foreign-key", token(FOREIGN_KEY, ISSUER, "ppi", now, now.plusSeconds(300)),
                "wrong-issuer", token(KEY, "http://evil.example", "ppi", now, now.plusSeconds(300)),
                "wrong-audience", token(KEY, ISSUER, "other-api", now, now.plusSeconds(300)),
                "not-a-jwt", "abc.def.ghi");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            String path = "/api/survey/centers/" + c.getKey();
            HttpResponse<String> response = call("GET", path, null, Map.of("Authorization", "Bearer " + c.getValue()));
            assertThat(response.statusCode()).as(c.getKey()).isEqualTo(401);
            assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("auth.unauthenticated");
            assertThat(RECEIVED).as(c.getKey()).doesNotContainKey(path);
        }
        // the control: the same request with a good token passes
        Instant n = Instant.now();
        assertThat(call("GET", "/api/survey/centers/good", null, Map.of("Authorization", "Bearer "
                + token(KEY, ISSUER, "ppi", n, n.plusSeconds(300)))).statusCode()).isEqualTo(200);
    }

    @Test
    void theServicesSeeTheTokensIdentityNeverAForgedHeader() throws Exception {
        String token = token(KEY, ISSUER, "ppi", Instant.now(), Instant.now().plusSeconds(300));
        HttpResponse<String> response = call("GET", "/api/catalog/products/p1", null, Map.of("Authorization", "Bearer " + token,
                "X-Institution-Id", "inst-b", "X-User-Id", "someone-else"));
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, List<String>> seen = RECEIVED.get("/api/catalog/products/p1");
        assertThat(seen.get("X-institution-id")).containsExactly("inst-a");
        assertThat(seen.get("X-user-id")).containsExactly("ana");
        assertThat(seen.get("Authorization")).containsExactly("Bearer " + token);
    }

    @Test
    void thePlatformAdminAloneReadsTheGatewaysAdminEndpoints() throws Exception {
        Instant now = Instant.now();
        String analyst = token(KEY, ISSUER, "ppi", now, now.plusSeconds(300));
        HttpResponse<String> refused = call("GET", "/api/admin/lag", null, Map.of("Authorization", "Bearer " + analyst));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("auth.forbidden");
        String admin = signed(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).audience("ppi").subject("admin")
                .claim("roles", List.of("platform-admin")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build());
        assertThat(call("GET", "/api/admin/lag", null, Map.of("Authorization", "Bearer " + admin)).statusCode()).isEqualTo(200);
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoCorsGrant() throws Exception {
        HttpResponse<String> response = call("GET", "/api/health", null, Map.of("Origin", "http://evil.example"));
        assertThat(response.headers().firstValue("Content-Security-Policy").orElse("")).contains("frame-ancestors 'none'");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
        assertThat(call("GET", "/actuator/gateway/routes", null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void theGatewaysMetricsAnswerTheLocalScraperAndEveryApiAnswerNamesItsTrace() throws Exception {
        HttpResponse<String> metrics = call("GET", "/actuator/prometheus", null, Map.of());
        assertThat(metrics.statusCode()).as("loopback is in the default ppi.gateway.metrics.scrape-from").isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
        HttpResponse<String> api = call("GET", "/api/health", null, Map.of());
        assertThat(api.headers().firstValue("PPI-Trace-Id")).hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f]{32}"));
        assertThat(call("GET", "/actuator/env", null, Map.of()).statusCode()).isEqualTo(401);
    }

    @Test
    void aBrowserSignsInWithPkceAtTheIdentityProvider() throws Exception {
        HttpResponse<String> response = call("GET", "/oauth2/authorization/ppi", null, Map.of());
        assertThat(response.statusCode()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(ISSUER + "/oauth2/authorize?").contains("client_id=ppi-gateway")
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("scope=openid%20profile");
    }

    @Test
    void anOversizedBodyIsRefusedAtTheDoor() throws Exception {
        String token = token(KEY, ISSUER, "ppi", Instant.now(), Instant.now().plusSeconds(300));
        HttpResponse<String> response = call("POST", "/api/catalog/products", "x".repeat(4096),
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("message").asString()).contains("2.048 bytes");
        assertThat(RECEIVED).doesNotContainKey("/api/catalog/products");
    }

    @Test
    void aHugeUploadIsReadToItsEndAndAnswered413NotCutOff() throws Exception {
        String token = token(KEY, ISSUER, "ppi", Instant.now(), Instant.now().plusSeconds(300));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/survey/centers"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + "n".repeat(5 * 1024 * 1024) + "\"}")).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("request.too-large");
        assertThat(RECEIVED).doesNotContainKey("/api/survey/centers");
    }

    @Test
    void oneUserOverTheRateIsSlowedDownWithoutSlowingAnother() throws Exception {
        Instant now = Instant.now();
        String hasty = signed(KEY, claims("hasty", now));
        int limited = 0;
        for (int i = 0; i < 40; i++) {
            HttpResponse<String> r = call("GET", "/api/budget/summary", null, Map.of("Authorization", "Bearer " + hasty));
            if (r.statusCode() == 429) {
                limited++;
                assertThat(JSON.readTree(r.body()).get("code").asString()).isEqualTo("request.rate-limited");
                assertThat(r.headers().firstValue("Retry-After")).isPresent();
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(5);
        assertThat(call("GET", "/api/budget/summary", null, Map.of("Authorization", "Bearer " + signed(KEY, claims("calm", now))))
                .statusCode()).isEqualTo(200);
    }

    @Test
    void theWebPlatformsDeepLinksAnswerWithItsPageAndItsFilesAsTheyAre() throws Exception {
        HttpResponse<String> root = call("GET", "/", null, Map.of());
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        for (String deepLink : List.of("/costos", "/cadenas/impacto-1", "/presupuesto?asOf=2026-01-01T00:00:00Z")) {
            HttpResponse<String> page = call("GET", deepLink, null, Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8"));
            assertThat(page.statusCode()).as(deepLink).isEqualTo(200);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(deepLink).startsWith("text/html");
            assertThat(page.body()).as(deepLink).isEqualTo(root.body());
            assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("script-src 'self'");
        }
        // the page's script is a file, served as it is and never rewritten
        String script = root.body().replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertThat(script).startsWith("/assets/");
        HttpResponse<String> asset = call("GET", script, null, Map.of("Accept", "text/html"));
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Content-Type").orElse("")).contains("javascript");
        // a missing file is a 404, not the page; a non-browser request for a deep link is not rewritten either
        assertThat(call("GET", "/assets/none.js", null, Map.of("Accept", "text/html")).statusCode()).isEqualTo(404);
        assertThat(call("GET", "/costos", null, Map.of("Accept", "application/json")).statusCode()).isEqualTo(404);
    }

    @Test
    void theWebPlatformNeverShadowsTheApiTheLoginOrTheDocs() throws Exception {
        Map<String, String> browser = Map.of("Accept", "text/html");
        HttpResponse<String> api = call("GET", "/api/costing/products/none", null, browser);
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(api.body()).get("code").asString()).isEqualTo("auth.unauthenticated");
        String token = token(KEY, ISSUER, "ppi", Instant.now(), Instant.now().plusSeconds(300));
        HttpResponse<String> routed = call("GET", "/api/valuechain/views/value-chains", null,
                Map.of("Accept", "text/html", "Authorization", "Bearer " + token));
        assertThat(routed.statusCode()).isEqualTo(200);
        assertThat(routed.body()).isEqualTo("{\"ok\":true}");
        assertThat(RECEIVED).containsKey("/api/valuechain/views/value-chains");
        HttpResponse<String> login = call("GET", "/oauth2/authorization/ppi", null, browser);
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location").orElse("")).startsWith(ISSUER);
        assertThat(call("GET", "/api/docs/gateway", null, browser).body()).doesNotContain("<div id=\"root\">");
        assertThat(call("GET", "/api/docs/gateway", null, Map.of("Accept", "text/html,application/json;q=0.9")).body())
                .contains("\"openapi\"");
        assertThat(call("GET", "/actuator/health", null, browser).body()).doesNotContain("<div id=\"root\">");
        assertThat(call("GET", "/swagger-ui.html", null, browser).body()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void theAsyncApiDocumentOfTheTopicsIsOpenInYamlAndJson() throws Exception {
        HttpResponse<String> yaml = call("GET", "/api/docs/asyncapi.yaml", null, Map.of("Accept", "text/html"));
        assertThat(yaml.statusCode()).isEqualTo(200);
        assertThat(yaml.headers().firstValue("Content-Type").orElse("")).startsWith("application/yaml");
        assertThat(yaml.body()).startsWith("asyncapi: 3.0.0\n").contains("address: ppi.costing.events")
                .doesNotContain("<div id=\"root\">");
        HttpResponse<String> json = call("GET", "/api/docs/asyncapi.json", null, Map.of());
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(json.body()).at("/channels/survey/address").asString()).isEqualTo("ppi.survey.events");
        assertThat(JSON.readTree(json.body()).at("/components/schemas/org.ppi.survey.TimeAllocated.v1/required").size())
                .isEqualTo(7);
    }

    @Test
    void thePageAsksWhoIsSignedInAndWithoutASessionIsToldToSignIn() throws Exception {
        HttpResponse<String> anonymous = call("GET", "/api/session", null, Map.of("Accept", "text/html"));
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(anonymous.body()).get("code").asString()).isEqualTo("auth.unauthenticated");
        Instant now = Instant.now();
        String token = signed(KEY, new JWTClaimsSet.Builder().issuer(ISSUER).audience("ppi").subject("directora")
                .claim("name", "Directora de Planificación").claim("institution", "inst-b")
                .claim("roles", List.of("director", "analyst")).issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300))).build());
        HttpResponse<String> signedIn = call("GET", "/api/session", null, Map.of("Authorization", "Bearer " + token));
        assertThat(signedIn.statusCode()).isEqualTo(200);
        JsonNode session = JSON.readTree(signedIn.body());
        assertThat(session.get("name").asString()).isEqualTo("Directora de Planificación");
        assertThat(session.get("subject").asString()).isEqualTo("directora");
        assertThat(session.get("institution").asString()).isEqualTo("inst-b");
        assertThat(session.get("roles").toString()).isEqualTo("[\"director\",\"analyst\"]");
        assertThat(RECEIVED).doesNotContainKey("/api/session");
    }

    private HttpResponse<String> call(String method, String path, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JWTClaimsSet claims(String subject, Instant now) {
        return new JWTClaimsSet.Builder().issuer(ISSUER).audience("ppi").subject(subject).claim("institution", "inst-a")
                .claim("roles", List.of("analyst")).issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    private static String token(RSAKey key, String issuer, String audience, Instant issued, Instant expires) {
        return signed(key, new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject("ana")
                .claim("institution", "inst-a").claim("roles", List.of("analyst"))
                .issueTime(Date.from(issued)).expirationTime(Date.from(expires)).build());
    }

    private static String signed(RSAKey key, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(com.sun.net.httpserver.HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
