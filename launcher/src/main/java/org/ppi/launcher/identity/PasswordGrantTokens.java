package org.ppi.launcher.identity;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One user's tokens by the LOCAL-ONLY password grant of a CLI client ({@code ppi-cli}): what the launcher's demo
 * load, its readiness checks and the end-to-end tests use, and what the README's curl does. Works with any OpenID
 * provider that allows the grant (the local identity service, Keycloak's realm): the token endpoint is the
 * {@code token_endpoint} of the issuer's discovery document ({@code <issuer>/.well-known/openid-configuration}),
 * read on the first token. The token is kept until 30 s before it expires, then asked for again.
 */
public final class PasswordGrantTokens implements TokenSource {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI issuer;
    private URI tokenEndpoint;
    private final String clientAuthorization;
    private final String username;
    private final String password;
    private String token;
    private Instant renewAt = Instant.MIN;

    public PasswordGrantTokens(URI issuer, String clientId, String clientSecret, String username, String password) {
        this.issuer = issuer;
        this.clientAuthorization = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        this.username = username;
        this.password = password;
    }

    /** A user of the local identity provider through its default CLI client ({@code ppi-cli}). */
    public static PasswordGrantTokens local(URI issuer, String username, String password) {
        return new PasswordGrantTokens(issuer, "ppi-cli", "ppi-cli", username, password);
    }

    @Override
    public synchronized String token() {
        if (token == null || Instant.now().isAfter(renewAt)) {
            fetch();
        }
        return token;
    }

    public String username() {
        return username;
    }

    /** The provider's token endpoint, from its discovery document (read once). */
    public synchronized URI tokenEndpoint() {
        if (tokenEndpoint == null) {
            String base = issuer.toString().endsWith("/") ? issuer.toString() : issuer + "/";
            URI discovery = URI.create(base + ".well-known/openid-configuration");
            HttpResponse<String> response = send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(30)).GET()
                    .build(), discovery);
            JsonNode endpoint = response.statusCode() == 200 ? JSON.readTree(response.body()).get("token_endpoint") : null;
            if (endpoint == null || endpoint.asString().isBlank()) {
                throw new IllegalStateException("El proveedor de identidad " + issuer + " no publica token_endpoint en "
                        + discovery + ": " + response.statusCode() + " " + response.body());
            }
            tokenEndpoint = URI.create(endpoint.asString());
        }
        return tokenEndpoint;
    }

    private void fetch() {
        String form = "grant_type=password&username=" + encode(username) + "&password=" + encode(password);
        URI endpoint = tokenEndpoint();
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", clientAuthorization)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = send(request, endpoint);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("El proveedor de identidad rechazó a " + username + ": "
                    + response.statusCode() + " " + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        token = body.get("access_token").asString();
        long seconds = body.path("expires_in").asLong(300);
        renewAt = Instant.now().plusSeconds(seconds).minus(MARGIN);
    }

    private HttpResponse<String> send(HttpRequest request, URI target) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("No se pudo pedir un token para " + username + " a " + target, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
