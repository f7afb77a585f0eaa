package org.ppi.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The identity provider's discovery document read from its back-channel address ({@code PPI_ISSUER_BACKCHANNEL_URI},
 * e.g. {@code http://keycloak:8080/realms/ppi} inside a container network) while the tokens name the public issuer
 * ({@code PPI_ISSUER_URI}). The document must name that public issuer (Keycloak with {@code KC_HOSTNAME} does);
 * its {@code jwks_uri} is where the keys are fetched.
 */
final class BackchannelDiscovery {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private BackchannelDiscovery() {
    }

    /** The {@code jwks_uri} of the document at {@code <backchannel>/.well-known/openid-configuration}. */
    static String jwkSetUri(String backchannelUri, String expectedIssuer) {
        String base = backchannelUri.endsWith("/") ? backchannelUri : backchannelUri + "/";
        URI discovery = URI.create(base + ".well-known/openid-configuration");
        HttpResponse<String> response;
        try {
            response = HTTP.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("No discovery document at " + discovery + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Discovery " + discovery + " answered " + response.statusCode());
        }
        JsonNode document = JSON.readTree(response.body());
        String issuer = document.path("issuer").asString("");
        if (!issuer.equals(expectedIssuer)) {
            throw new IllegalStateException("The discovery document at " + discovery + " names the issuer '" + issuer
                    + "', not PPI_ISSUER_URI '" + expectedIssuer + "' (set the provider's public host name, e.g."
                    + " Keycloak's KC_HOSTNAME, to the address in PPI_ISSUER_URI)");
        }
        String jwks = document.path("jwks_uri").asString("");
        if (jwks.isBlank()) {
            throw new IllegalStateException("The discovery document at " + discovery + " has no jwks_uri");
        }
        return jwks;
    }
}
