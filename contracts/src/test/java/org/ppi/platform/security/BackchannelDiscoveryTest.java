package org.ppi.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.TestTokens;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * PPI_ISSUER_BACKCHANNEL_URI, as docker-compose runs Keycloak: the discovery document and the keys are read from the
 * back-channel address, while the tokens' {@code iss} must be the public issuer (PPI_ISSUER_URI), which this
 * process never calls.
 */
class BackchannelDiscoveryTest {
    private final HttpServer provider = server();
    private final String backchannel = "http://127.0.0.1:" + provider.getAddress().getPort() + "/realms/ppi";
    private final AtomicInteger jwksCalls = new AtomicInteger();
    private String advertisedIssuer = TestTokens.ISSUER;

    @AfterEach
    void stop() {
        provider.stop(0);
    }

    @Test
    void keysComeFromTheBackchannelWhileTheIssuerIsThePublicOne() {
        JwtDecoder decoder = decoder();
        assertThat(decoder.decode(TestTokens.builder().institution("a").user("ana").sign()).getSubject()).isEqualTo("ana");
        assertThat(jwksCalls.get()).isEqualTo(1);
        // A token naming the back-channel address as issuer is not one of the platform's.
        assertThat(code(decoder, TestTokens.builder().institution("a").issuer(backchannel).sign())).isEqualTo("auth.token-issuer");
        assertThat(code(decoder, TestTokens.builder().institution("a").signedByAnotherKey().sign())).isEqualTo("auth.token-invalid");
    }

    @Test
    void aDiscoveryDocumentNamingAnotherIssuerIsRefusedAsAnUnavailableProvider() {
        advertisedIssuer = backchannel;   // e.g. Keycloak without KC_HOSTNAME
        Throwable failure = catchThrowable(() -> decoder().decode(TestTokens.builder().institution("a").sign()));
        assertThat(failure).isInstanceOf(JwtException.class).isNotInstanceOf(BadJwtException.class)
                .hasMessageContaining(backchannel);
        assertThat(failure.getCause()).hasStackTraceContaining("not PPI_ISSUER_URI '" + TestTokens.ISSUER + "'");
        assertThat(jwksCalls.get()).isZero();
    }

    private JwtDecoder decoder() {
        PlatformSecurityProperties properties = new PlatformSecurityProperties();
        properties.setIssuerUri(TestTokens.ISSUER);
        properties.setIssuerBackchannelUri(backchannel);
        return new PlatformSecurityConfiguration().platformJwtDecoder(properties);
    }

    private static String code(JwtDecoder decoder, String token) {
        Throwable failure = catchThrowable(() -> decoder.decode(token));
        assertThat(failure).isNotNull();
        return SecurityErrors.code(new InvalidBearerTokenException(failure.getMessage(), failure));
    }

    private HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/realms/ppi/.well-known/openid-configuration", exchange -> reply(exchange,
                    "{\"issuer\":\"" + advertisedIssuer + "\",\"jwks_uri\":\"" + backchannel + "/protocol/openid-connect/certs\"}"));
            server.createContext("/realms/ppi/protocol/openid-connect/certs", exchange -> {
                jwksCalls.incrementAndGet();
                reply(exchange, new JWKSet(new RSAKey.Builder(PlatformSecurityConfiguration.rsaPublicKey(
                        TestTokens.publicKeyPem())).keyID("ppi-test").build()).toString());
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
