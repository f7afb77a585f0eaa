package org.ppi.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

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
 * costing-service is down (its route points at a port nobody listens on) while survey-service answers: a call to
 * costing gets 503 service.unavailable in the platform's error format, naming the service, in the caller's
 * language (Spanish by default), never a 500; the other service is unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayServiceDownTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final RSAKey KEY = key();
    private static final HttpServer IDP = server();
    private static final HttpServer BACKEND = server();
    private static final String ISSUER = "http://localhost:" + IDP.getAddress().getPort();
    private static final int CLOSED_PORT = closedPort();
    /** A service that reads the request and resets the connection without answering, as one killed mid-request. */
    private static final java.net.ServerSocket RESETTING = resetting();

    static {
        IDP.createContext("/.well-known/openid-configuration", exchange -> reply(exchange, 200, JSON.writeValueAsString(Map.of(
                "issuer", ISSUER, "authorization_endpoint", ISSUER + "/oauth2/authorize",
                "token_endpoint", ISSUER + "/oauth2/token", "jwks_uri", ISSUER + "/oauth2/jwks",
                "userinfo_endpoint", ISSUER + "/userinfo", "end_session_endpoint", ISSUER + "/connect/logout",
                "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256")))));
        IDP.createContext("/oauth2/jwks", exchange -> reply(exchange, 200, new JWKSet(KEY.toPublicJWK()).toString()));
        BACKEND.createContext("/", exchange -> reply(exchange, 200, "{\"ok\":true}"));
        IDP.start();
        BACKEND.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("PPI_ISSUER_URI", () -> ISSUER);
        String backend = "http://localhost:" + BACKEND.getAddress().getPort();
        registry.add("PPI_VALUECHAIN_URL", () -> "http://127.0.0.1:" + RESETTING.getLocalPort());
        for (String service : List.of("SURVEY", "CATALOG", "BUDGET")) {
            registry.add("PPI_" + service + "_URL", () -> backend);
        }
        registry.add("PPI_COSTING_URL", () -> "http://127.0.0.1:" + CLOSED_PORT);
    }

    @AfterAll
    static void stop() {
        IDP.stop(0);
        BACKEND.stop(0);
    }

    @LocalServerPort
    int port;

    @Test
    void aServiceThatIsDownAnswers503NamingItInTheCallersLanguage() throws Exception {
        HttpResponse<String> spanish = call("/api/costing/products", Map.of());
        assertThat(spanish.statusCode()).as(spanish.body()).isEqualTo(503);
        assertThat(spanish.headers().firstValue("Retry-After")).contains("5");
        assertThat(spanish.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("json"));
        JsonNode error = JSON.readTree(spanish.body());
        assertThat(error.get("status").asInt()).isEqualTo(503);
        assertThat(error.get("code").asString()).isEqualTo("service.unavailable");
        assertThat(error.get("message").asString()).startsWith("El servicio costing-service no responde");

        HttpResponse<String> english = call("/api/costing/products", Map.of("Accept-Language", "en-GB,en;q=0.9"));
        assertThat(english.statusCode()).isEqualTo(503);
        assertThat(JSON.readTree(english.body()).get("message").asString())
                .startsWith("Service costing-service is not answering");

        HttpResponse<String> docs = call("/api/docs/costing-service", Map.of());
        assertThat(docs.statusCode()).isEqualTo(503);
        assertThat(docs.body()).contains("costing-service");

        assertThat(call("/api/survey/centers", Map.of()).statusCode()).isEqualTo(200);
    }

    @Test
    void aServiceThatDiesMidRequestAnswers502SayingTheRequestMayHaveBeenApplied() throws Exception {
        HttpResponse<String> answer = call("/api/valuechain/programs", Map.of());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(502);
        JsonNode error = JSON.readTree(answer.body());
        assertThat(error.get("code").asString()).isEqualTo("service.interrupted");
        assertThat(error.get("message").asString()).startsWith("El servicio valuechain-service dejó de responder")
                .contains("pudo aplicarse o no");
        assertThat(call("/api/survey/centers", Map.of()).statusCode()).isEqualTo(200);
    }

    private static java.net.ServerSocket resetting() {
        try {
            java.net.ServerSocket server = new java.net.ServerSocket(0);
            Thread thread = new Thread(() -> {
                while (!server.isClosed()) {
                    try (java.net.Socket socket = server.accept()) {
                        socket.getInputStream().read(new byte[8192]);
                        socket.setSoLinger(true, 0); // close with RST, as a killed process's kernel does
                    } catch (IOException e) {
                        // next connection
                    }
                }
            }, "resetting-service");
            thread.setDaemon(true);
            thread.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> call(String path, Map<String, String> headers) throws IOException, InterruptedException {
        Instant now = Instant.now();
        String token = signed(new JWTClaimsSet.Builder().issuer(ISSUER).audience("ppi").subject("ana")
                .claim("institution", "inst-a").claim("roles", List.of("analyst"))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET()
                .header("Authorization", "Bearer " + token);
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String signed(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("ppi-down").generate();
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
