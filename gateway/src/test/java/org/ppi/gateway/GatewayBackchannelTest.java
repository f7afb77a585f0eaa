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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * PPI_ISSUER_BACKCHANNEL_URI, the docker-compose shape: the public issuer ({@code http://localhost:1/realms/ppi},
 * nothing listens there) is never called; the discovery document, the keys, the token endpoint come from the
 * back-channel address, whose document names the public issuer and a public authorization endpoint, as Keycloak's
 * does with KC_HOSTNAME and KC_HOSTNAME_BACKCHANNEL_DYNAMIC.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayBackchannelTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PUBLIC_ISSUER = "http://localhost:1/realms/ppi";
    private static final RSAKey KEY = key();
    private static final HttpServer IDP = server();
    private static final HttpServer BACKEND = server();
    private static final String BACKCHANNEL = "http://127.0.0.1:" + IDP.getAddress().getPort() + "/realms/ppi";
    private static final Set<String> CALLED = ConcurrentHashMap.newKeySet();

    static {
        IDP.createContext("/realms/ppi/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            CALLED.add(path);
            if (path.endsWith("/.well-known/openid-configuration")) {
                reply(exchange, JSON.writeValueAsString(Map.of("issuer", PUBLIC_ISSUER,
                        "authorization_endpoint", PUBLIC_ISSUER + "/protocol/openid-connect/auth",
                        "end_session_endpoint", PUBLIC_ISSUER + "/protocol/openid-connect/logout",
                        "token_endpoint", BACKCHANNEL + "/protocol/openid-connect/token",
                        "jwks_uri", BACKCHANNEL + "/protocol/openid-connect/certs",
                        "userinfo_endpoint", BACKCHANNEL + "/protocol/openid-connect/userinfo",
                        "response_types_supported", List.of("code"), "subject_types_supported", List.of("public"),
                        "id_token_signing_alg_values_supported", List.of("RS256"))));
            } else if (path.endsWith("/protocol/openid-connect/certs")) {
                reply(exchange, new JWKSet(KEY.toPublicJWK()).toString());
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        BACKEND.createContext("/", exchange -> reply(exchange, "{\"ok\":true}"));
        IDP.start();
        BACKEND.start();
    }

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("PPI_ISSUER_URI", () -> PUBLIC_ISSUER);
        registry.add("PPI_ISSUER_BACKCHANNEL_URI", () -> BACKCHANNEL);
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
    void theBrowserIsSentToThePublicAuthorizationEndpoint() throws Exception {
        HttpResponse<String> response = get("/oauth2/authorization/ppi", Map.of());
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow())
                .startsWith(PUBLIC_ISSUER + "/protocol/openid-connect/auth?").contains("code_challenge_method=S256");
        assertThat(CALLED).contains("/realms/ppi/.well-known/openid-configuration");
    }

    @Test
    void bearerTokensOfThePublicIssuerAreVerifiedWithTheBackchannelKeys() throws Exception {
        assertThat(get("/api/survey/centers", Map.of("Authorization", "Bearer " + token(PUBLIC_ISSUER))).statusCode())
                .isEqualTo(200);
        assertThat(CALLED).contains("/realms/ppi/protocol/openid-connect/certs");
        // The back-channel address is where keys are read, not an issuer the platform trusts.
        HttpResponse<String> refused = get("/api/survey/centers", Map.of("Authorization", "Bearer " + token(BACKCHANNEL)));
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(refused.body()).get("code").asString()).isEqualTo("auth.unauthenticated");
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        headers.forEach(request::header);
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(String issuer) {
        Instant now = Instant.now();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    new JWTClaimsSet.Builder().issuer(issuer).audience("ppi").subject("ana").claim("institution", "inst-a")
                            .claim("roles", List.of("analyst")).issueTime(Date.from(now))
                            .expirationTime(Date.from(now.plusSeconds(300))).build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey key() {
        try {
            return new RSAKeyGenerator(2048).keyID("backchannel-test").generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
