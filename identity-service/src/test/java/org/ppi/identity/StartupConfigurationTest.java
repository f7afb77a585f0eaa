package org.ppi.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ppi.identity.IdentityClient.json;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts of the provider with other configuration than the defaults (each a real process-like start). */
class StartupConfigurationTest {

    /** Properties as command-line arguments: they win over application.yml, as an operator's would. */
    static ConfigurableApplicationContext start(Path keys, String... properties) {
        Map<String, String> args = new java.util.LinkedHashMap<>(Map.of("server.port", "0", "ppi.identity.issuer", "",
                "ppi.identity.key-directory", keys.toString()));
        for (String property : properties) {
            String[] kv = property.split("=", 2);
            args.put(kv[0], kv[1]); // a repeated argument would be joined with a comma, not replaced
        }
        return new SpringApplicationBuilder(IdentityApplication.class)
                .run(args.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void aRoleOutsideTheContractFailsTheStartWithAClearMessage(@TempDir Path keys) {
        assertThatThrownBy(() -> start(keys,
                "ppi.identity.users[0].username=analista2", "ppi.identity.users[0].password=demo",
                "ppi.identity.users[0].institution=otra-institucion", "ppi.identity.users[0].roles[0]=analist"))
                .rootCause()
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ppi.identity.users[0] (analista2): Rol desconocido «analist»; roles admitidos: "
                        + "platform-admin, institution-admin, surveyor, center-manager, authority, auditor, analyst");
    }

    @Test
    void aRestartKeepsIssuedTokensValidAndTheSwitchRemovesThePasswordGrant(@TempDir Path keys) throws Exception {
        String token;
        // A second institution's user, from configuration only.
        try (ConfigurableApplicationContext first = start(keys,
                "ppi.identity.users[0].username=analista-b", "ppi.identity.users[0].password=demo-b",
                "ppi.identity.users[0].institution=otra-institucion", "ppi.identity.users[0].roles[0]=analyst",
                "ppi.identity.users[0].name=Analista B")) {
            IdentityClient client = new IdentityClient(port(first));
            HttpResponse<String> response = client.passwordGrant("ppi-cli", "ppi-cli", "analista-b", "demo-b");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            token = (String) json(response.body()).get("access_token");
            Map<String, Object> claims = client.verifiedClaims(token);
            assertThat(claims.get("institution")).isEqualTo("otra-institucion");
            assertThat(claims.get("name")).isEqualTo("Analista B");
            // The configured list replaces the demo users.
            assertThat(client.passwordGrant("ppi-cli", "ppi-cli", "analista", "demo").statusCode()).isEqualTo(400);
        }

        try (ConfigurableApplicationContext second = start(keys, "ppi.identity.password-grant=false")) {
            IdentityClient client = new IdentityClient(port(second));
            assertThat(client.verifies(SignedJWT.parse(token))).as("token of the first start, JWKS of the second").isTrue();

            HttpResponse<String> cli = client.passwordGrant("ppi-cli", "ppi-cli", "analista", "demo");
            assertThat(cli.statusCode()).isEqualTo(401);
            assertThat(json(cli.body()).get("error")).isEqualTo("invalid_client");
            HttpResponse<String> gateway = client.passwordGrant("ppi-gateway", "ppi-gateway-secret", "analista", "demo");
            assertThat(gateway.statusCode()).isEqualTo(400);
            assertThat(json(gateway.body()).get("error")).isEqualTo("unsupported_grant_type");
        }
    }

    @Test
    void aFreshKeyDirectoryMeansOldTokensNoLongerVerify(@TempDir Path keys) throws Exception {
        String token;
        try (ConfigurableApplicationContext first = start(keys.resolve("one"))) {
            token = (String) json(new IdentityClient(port(first)).passwordGrant("ppi-cli", "ppi-cli", "analista", "demo")
                    .body()).get("access_token");
        }
        try (ConfigurableApplicationContext second = start(keys.resolve("two"))) {
            assertThat(new IdentityClient(port(second)).verifies(SignedJWT.parse(token))).isFalse();
        }
    }

    @Test
    void theConfiguredIssuerIsWrittenInDiscoveryAndTokens(@TempDir Path keys) throws Exception {
        try (ConfigurableApplicationContext context = start(keys, "ppi.identity.issuer=http://issuer.test:9123")) {
            IdentityClient client = new IdentityClient(port(context));
            assertThat(json(client.get("/.well-known/openid-configuration").body()).get("issuer"))
                    .isEqualTo("http://issuer.test:9123");
            String token = (String) json(client.passwordGrant("ppi-cli", "ppi-cli", "admin", "demo").body()).get("access_token");
            Map<String, Object> claims = client.verifiedClaims(token);
            assertThat(claims.get("iss")).isEqualTo("http://issuer.test:9123");
            assertThat(claims.get("roles")).isEqualTo(List.of("platform-admin"));
        }
    }
}
