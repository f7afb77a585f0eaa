package org.ppi.launcher.identity;

import static org.ppi.launcher.identity.KeycloakPages.loginFormAction;
import static org.ppi.launcher.identity.KeycloakPages.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.Database;
import org.ppi.launcher.IdentitySetup;
import org.ppi.launcher.Platform;
import org.ppi.launcher.ServiceSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The production identity path for real: the platform started WITHOUT its embedded identity service, trusting a real
 * Keycloak with the committed realm (identity/keycloak/ppi-realm.json). The institution's data goes in through the
 * gateway with Keycloak bearer tokens (password grant of {@code ppi-cli}); then {@code analista} signs in as a
 * browser does — the gateway's {@code /oauth2/authorization/ppi} (authorization code + PKCE), Keycloak's login
 * form, back to the gateway's callback — and with nothing but the gateway's session cookie reads her institution's
 * figures, which the services computed from a token the gateway relayed (TokenRelay). Tokens of any other issuer
 * or key are refused, at the gateway and at the services.
 *
 * <p>As docker-compose runs it, the platform reaches Keycloak under another name than the browser does:
 * {@code PPI_ISSUER_BACKCHANNEL_URI} is a forwarder on 127.0.0.1 ({@link RecordingForwarder}, compose's
 * {@code keycloak:8080}), {@code PPI_ISSUER_URI} the public {@code http://localhost:<port>/realms/ppi} that every
 * token names and the browser uses; the test checks that discovery, keys, code redemption and userinfo went
 * through the back-channel.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedKeycloak.class)
class KeycloakPlatformIT {
    private static final Logger log = LoggerFactory.getLogger(KeycloakPlatformIT.class);
    private static final String INSTITUTION = "demo-defensoria";
    private static final String CENTER = INSTITUTION + ".C01";
    private static final String PRODUCT = INSTITUTION + ".P-informe";
    private static final String INTERVIEW = INSTITUTION + ".I-01";
    private static final tools.jackson.databind.ObjectMapper JSON = KeycloakServer.Json.MAPPER;

    private KeycloakServer keycloak;
    private RecordingForwarder backchannel;
    private Platform platform;
    private URI gateway;
    private PasswordGrantTokens admin;
    private PasswordGrantTokens directora;
    private Browser analista;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Object> measured = new LinkedHashMap<>();
    private final long begin = System.nanoTime();

    @BeforeAll
    void start(KeycloakServer shared) throws Exception {
        keycloak = shared;
        Path root = Path.of("").toAbsolutePath().getParent();
        Path work = root.resolve("launcher/target/keycloak-platform-" + UUID.randomUUID().toString().substring(0, 8));
        backchannel = new RecordingForwarder(keycloak.endpoints().httpPort());
        long platformBegin = System.nanoTime();
        platform = Platform.start(root, work, new Database.EmbeddedH2(work.resolve("db")), freePort(), null,
                SharedKeycloak.PORT_OFFSET, IdentitySetup.external(keycloak.issuerUri(), Map.of(
                        "PPI_GATEWAY_CLIENT_SECRET", KeycloakServer.GATEWAY_SECRET,
                        "PPI_ISSUER_BACKCHANNEL_URI", "http://127.0.0.1:" + backchannel.port() + "/realms/" + KeycloakServer.REALM)));
        measured.put("platformStartSeconds", seconds(platformBegin));
        gateway = platform.gateway();
        assertThat(gateway.getPort()).isEqualTo(SharedKeycloak.GATEWAY_PORT);
        admin = new PasswordGrantTokens(keycloak.issuerUri(), KeycloakServer.CLI_CLIENT, KeycloakServer.CLI_SECRET,
                "admin", "demo");
        directora = new PasswordGrantTokens(keycloak.issuerUri(), KeycloakServer.CLI_CLIENT, KeycloakServer.CLI_SECRET,
                "directora", "demo");
    }

    @AfterAll
    void stop() throws Exception {
        measured.put("totalSeconds", seconds(begin));
        log.info("Measured: {}", measured);
        if (platform != null) {
            platform.close();
        }
        if (backchannel != null) {
            backchannel.close();
        }
    }

    @Test
    @Order(1)
    void theInstitutionGoesInThroughTheGatewayWithKeycloakBearerTokens() {
        long step = System.nanoTime();
        // The token endpoint comes from Keycloak's discovery document, not the local provider's /oauth2/token.
        assertThat(directora.tokenEndpoint()).isEqualTo(keycloak.endpoints().tokenEndpoint());

        command(admin, "POST", "/api/survey/institutions", Map.of("id", INSTITUTION, "name", "Defensoría del Pueblo",
                "country", "DO", "currency", "DOP", "fiscalYear", 2026, "weeklyHours", 40, "costingMethod", "CLASSIC"));
        command(directora, "POST", "/api/survey/centers", Map.of("id", CENTER, "name", "Despacho del Defensor",
                "area", "SUBSTANTIVE"));
        command(directora, "POST", "/api/survey/employees", Map.of("id", INSTITUTION + ".E1", "centerId", CENTER,
                "name", "Elena Uno", "annualCost", new BigDecimal("1234567.80"), "contractedHours", 40));
        command(directora, "POST", "/api/survey/employees", Map.of("id", INSTITUTION + ".E2", "centerId", CENTER,
                "name", "Ernesto Dos", "annualCost", new BigDecimal("987654.60"), "contractedHours", 40));
        Map<String, Object> product = new LinkedHashMap<>();
        product.put("id", PRODUCT);
        product.put("centerId", CENTER);
        product.put("name", "Informe de casos atendidos");
        product.put("type", "TERMINAL");
        product.put("core", false);
        product.put("volume", 3);
        product.put("volumeUnit", "informe");
        product.put("users", List.of("CITIZENS"));
        product.put("frequency", "YEARLY");
        command(directora, "POST", "/api/catalog/products", product);
        command(directora, "POST", "/api/survey/interviews", Map.of("id", INTERVIEW, "centerId", CENTER,
                "interviewer", "Equipo PPI"));
        command(directora, "PUT", "/api/survey/interviews/" + INTERVIEW + "/allocations", allocation("E1", 10));
        command(directora, "PUT", "/api/survey/interviews/" + INTERVIEW + "/allocations", allocation("E2", 5));
        measured.put("dataSeconds", seconds(step));
    }

    @Test
    @Order(2)
    void analistaSignsInThroughTheGatewayAndReadsHerInstitutionsFiguresWithTheSessionAlone() throws Exception {
        long step = System.nanoTime();
        analista = new Browser();

        // 1. The gateway starts the authorization code flow with PKCE and sends the browser to Keycloak.
        HttpResponse<String> start = analista.get(gateway.resolve("/oauth2/authorization/ppi"));
        assertThat(start.statusCode()).isEqualTo(302);
        URI authorize = location(start);
        assertThat(authorize.getScheme() + "://" + authorize.getAuthority() + authorize.getPath())
                .isEqualTo(keycloak.endpoints().authorizationEndpoint().toString());
        Map<String, String> request = query(authorize);
        assertThat(request).containsEntry("client_id", KeycloakServer.GATEWAY_CLIENT)
                .containsEntry("response_type", "code").containsEntry("code_challenge_method", "S256")
                .containsEntry("redirect_uri", SharedKeycloak.GATEWAY_REDIRECT)
                .containsKeys("code_challenge", "state", "nonce");
        assertThat(request.get("scope").split(" ")).contains("openid", "profile");

        // 2. Keycloak's login form, filled in as a person would.
        HttpResponse<String> loginPage = analista.get(authorize);
        assertThat(loginPage.statusCode()).isEqualTo(200);
        HttpResponse<String> signedIn = analista.post(URI.create(loginFormAction(loginPage.body())),
                Map.of("username", "analista", "password", "demo", "credentialId", ""));
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        URI callback = location(signedIn);
        assertThat(callback.getScheme() + "://" + callback.getAuthority() + callback.getPath())
                .isEqualTo(SharedKeycloak.GATEWAY_REDIRECT);

        // 3. Back at the gateway: it redeems the code (secret + verifier) and answers with its session cookie.
        String sessionBefore = analista.cookie(gateway, "SESSION");
        HttpResponse<String> landed = analista.get(callback);
        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(302);
        assertThat(location(landed).getPath()).isEqualTo("/");
        assertThat(location(landed).getQuery()).as("no login error").isNull();
        String session = analista.cookie(gateway, "SESSION");
        assertThat(session).as("session cookie").isNotBlank().isNotEqualTo(sessionBefore);
        measured.put("browserLoginMillis", (System.nanoTime() - step) / 1_000_000);

        // The gateway redeemed the code, read the keys and the user's info on the back-channel, never the browser.
        String realm = "/realms/" + KeycloakServer.REALM;
        log.info("Back-channel requests so far: {}", backchannel.requests());
        assertThat(backchannel.requests()).contains("GET " + realm + "/.well-known/openid-configuration",
                "POST " + realm + "/protocol/openid-connect/token", "GET " + realm + "/protocol/openid-connect/certs",
                "GET " + realm + "/protocol/openid-connect/userinfo");
        assertThat(backchannel.requests()).noneMatch(r -> r.contains("/protocol/openid-connect/auth")
                || r.contains("/login-actions/"));

        // 4. The session alone (no Authorization header): the gateway relays analista's Keycloak access token.
        JsonNode institution = analista.json(gateway.resolve("/api/survey/institution"));
        assertThat(institution.path("id").asString()).isEqualTo(INSTITUTION);
        assertThat(institution.path("costingMethod").asString()).isEqualTo("CLASSIC");

        // CLASSIC: hour price = the center's payroll / (2 employees x 40 h) = 2,222,222.40 / 80 = 27,777.78;
        // E1 10 h = 277,777.80, E2 5 h = 138,888.90; direct 416,666.70 for 3 reports = 138,888.90 each.
        JsonNode figures = awaitSession("/api/costing/products/" + PRODUCT,
                p -> p.path("rows").size() == 2 && cents(p, "direct").equals("416666.70"), Duration.ofSeconds(90));
        assertThat(labours(figures)).containsExactly("277777.80", "138888.90");
        assertThat(cents(figures, "unitCost")).isEqualTo("138888.90");
        assertThat(figures.path("hours").decimalValue()).isEqualByComparingTo("15");

        // The figure follows the hours: directora gives E2 two more hours, analista's session sees the new figure.
        command(directora, "PUT", "/api/survey/interviews/" + INTERVIEW + "/allocations", allocation("E2", 7));
        JsonNode changed = awaitSession("/api/costing/products/" + PRODUCT,
                p -> cents(p, "direct").equals("472222.26"), Duration.ofSeconds(60));
        assertThat(labours(changed)).containsExactly("277777.80", "194444.46");
        assertThat(cents(changed, "unitCost")).isEqualTo("157407.42");

        // Lineage: the events behind the figure name the token's subject as the acting user.
        JsonNode lineage = analista.json(gateway.resolve("/api/costing/products/" + PRODUCT + "/lineage?size=1000"));
        Map<String, String> actors = new LinkedHashMap<>();
        lineage.path("events").forEach(e -> actors.put(e.path("type").asString() + " " + e.path("eventId").asString(),
                e.path("actingUser").asString()));
        log.info("Lineage of {}: {}", PRODUCT, actors);
        assertThat(actors).isNotEmpty();
        assertThat(actors.keySet()).anyMatch(k -> k.contains("TimeAllocated"));
        actors.forEach((event, user) -> assertThat(user).as(event)
                .isEqualTo(event.contains("InstitutionRegistered") ? "admin" : "directora"));

        // An analyst may read, not write: the session cannot change the survey (CSRF token sent, role refused).
        HttpResponse<String> write = analista.send(HttpRequest.newBuilder(gateway.resolve("/api/survey/centers"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-XSRF-TOKEN", String.valueOf(analista.cookie(gateway, "XSRF-TOKEN")))
                .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"x\",\"name\":\"x\",\"area\":\"SUPPORT\"}")));
        assertThat(write.statusCode()).as(write.body()).isEqualTo(403);
        assertThat(JSON.readTree(write.body()).path("code").asString()).isEqualTo("auth.forbidden");
        // The services too read Keycloak's metadata on the back-channel: the gateway's discovery at start, then one
        // per service on its first token (survey, catalog, costing so far).
        assertThat(backchannel.requests()).filteredOn(r -> r.endsWith("/.well-known/openid-configuration"))
                .hasSizeGreaterThanOrEqualTo(4);
        measured.put("sessionReadsSeconds", seconds(step));
    }

    @Test
    @Order(3)
    void tokensOfAnyOtherIssuerOrKeyAreRefusedAtTheGatewayAndAtTheServices() throws Exception {
        KeyPair foreign = KeyPairGenerator.getInstance("RSA").genKeyPair();
        // What the embedded identity service would issue on this offset (same claims shape, its issuer and key) ...
        String embedded = jwt(foreign, "http://localhost:" + (ServiceSpec.IDENTITY.port() + SharedKeycloak.PORT_OFFSET));
        // ... and a forgery naming Keycloak's issuer, signed by a key Keycloak does not publish.
        String forged = jwt(foreign, keycloak.issuerUri().toString());
        URI costing = URI.create("http://localhost:" + platform.port(ServiceSpec.BACKENDS.get(3)));
        for (String token : List.of(embedded, forged)) {
            HttpResponse<String> atGateway = bearer(gateway.resolve("/api/survey/institution"), token);
            assertThat(atGateway.statusCode()).as(atGateway.body()).isEqualTo(401);
            assertThat(JSON.readTree(atGateway.body()).path("code").asString()).isEqualTo("auth.unauthenticated");
            HttpResponse<String> atService = bearer(costing.resolve("/api/costing/products/" + PRODUCT), token);
            assertThat(atService.statusCode()).as(atService.body()).isEqualTo(401);
        }
        // The same request with directora's real Keycloak token passes both doors.
        assertThat(bearer(gateway.resolve("/api/survey/institution"), directora.token()).statusCode()).isEqualTo(200);
        assertThat(bearer(costing.resolve("/api/costing/products/" + PRODUCT), directora.token()).statusCode()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------------------

    private static Map<String, Object> allocation(String employee, int hours) {
        return Map.of("employeeId", INSTITUTION + "." + employee, "productId", PRODUCT, "hours", hours);
    }

    /** A command as a bearer client sends it, repeated while a service has not yet learnt what it refers to. */
    private void command(TokenSource user, String method, String path, Object body) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(gateway.resolve(path))
                        .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json").header("Accept-Language", "en")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status < 300) {
                    return;
                }
                boolean notYetKnown = (status == 404 || status == 422) && response.body().contains("\"code\"")
                        && JSON.readTree(response.body()).path("code").asString("").matches(".*(not-found|unknown)$");
                if (!notYetKnown || Instant.now().isAfter(deadline)) {
                    throw new AssertionError(method + " " + path + " -> " + status + " " + response.body());
                }
                Thread.sleep(200);
            } catch (java.io.IOException e) {
                throw new IllegalStateException(method + " " + path, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private JsonNode awaitSession(String path, Predicate<JsonNode> condition, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = analista.send(HttpRequest.newBuilder(gateway.resolve(path))
                    .header("Accept", "application/json").GET());
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode body = JSON.readTree(response.body());
                if (condition.test(body)) {
                    return body;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("Timed out waiting on " + path + "; last answer: " + last);
    }

    private HttpResponse<String> bearer(URI uri, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").header("Accept-Language", "en").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** An RS256 token with the contract's claims for directora, from the given issuer, signed by the given key. */
    private static String jwt(KeyPair key, String issuer) throws Exception {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", "directora");
        claims.put("aud", List.of("ppi"));
        claims.put("institution", INSTITUTION);
        claims.put("roles", List.of("institution-admin"));
        claims.put("name", "Diana Directora");
        claims.put("iat", now);
        claims.put("exp", now + 600);
        String header = base64Url(JSON.writeValueAsString(Map.of("alg", "RS256", "typ", "JWT", "kid", "local")));
        String payload = base64Url(JSON.writeValueAsString(claims));
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(key.getPrivate());
        rs256.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        return header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String base64Url(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> labours(JsonNode product) {
        List<String> values = new ArrayList<>();
        product.path("rows").forEach(r -> values.add(r.path("labour").decimalValue().setScale(2).toPlainString()));
        return values;
    }

    private static String cents(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.decimalValue().setScale(2).toPlainString() : String.valueOf(value);
    }

    private static URI location(HttpResponse<?> response) {
        String location = response.headers().firstValue("Location").orElseThrow(
                () -> new AssertionError("no Location in " + response.statusCode() + " " + response.body()));
        return response.uri().resolve(location);
    }

    private static double seconds(long since) {
        return Math.round((System.nanoTime() - since) / 1_000_000.0) / 1000.0;
    }

    /** A free port whose successor (the broker's controller listener) is free too. */
    private static int freePort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (java.io.IOException taken) {
                // try another pair
            }
        }
        throw new IllegalStateException("no pair of free ports");
    }

    /**
     * A browser, reduced to what the login needs: redirects not followed (each step is checked), cookies kept per
     * origin (host and port: the gateway's SESSION apart from Keycloak's cookies). Keycloak marks its cookies
     * {@code Secure}; browsers keep them on http://localhost (a trustworthy origin), java.net.CookieManager does
     * not, hence this jar.
     */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, Map<String, String>> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(URI uri) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(KeycloakServer.form(form))));
        }

        JsonNode json(URI uri) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri).header("Accept", "application/json").GET());
            assertThat(response.statusCode()).as("GET " + uri + ": " + response.body()).isEqualTo(200);
            return JSON.readTree(response.body());
        }

        String cookie(URI origin, String name) {
            return cookies.getOrDefault(origin.getAuthority(), Map.of()).get(name);
        }

        HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            URI uri = request.build().uri();
            Map<String, String> jar = cookies.computeIfAbsent(uri.getAuthority(), a -> new LinkedHashMap<>());
            if (!jar.isEmpty()) {
                request.header("Cookie", jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            for (String header : response.headers().allValues("Set-Cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                if (header.toLowerCase(Locale.ROOT).contains("max-age=0") || value.isEmpty()) {
                    jar.remove(name);
                } else {
                    jar.put(name, value);
                }
            }
            return response;
        }
    }
}
