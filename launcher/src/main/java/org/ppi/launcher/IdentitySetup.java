package org.ppi.launcher;

import java.net.URI;
import java.util.Map;

/**
 * Which OpenID Connect provider the platform trusts: the embedded identity-service (started first, with extra
 * environment, e.g. the users of a test), or an external provider named by its issuer (Keycloak or any other),
 * whose tokens the gateway and every service then verify. {@code environment} also reaches the gateway and the
 * services (e.g. a client secret or claim names for the external provider).
 */
public record IdentitySetup(URI externalIssuer, Map<String, String> identityEnvironment, Map<String, String> environment) {
    public static IdentitySetup embedded() {
        return new IdentitySetup(null, Map.of(), Map.of());
    }

    public static IdentitySetup embedded(Map<String, String> identityEnvironment) {
        return new IdentitySetup(null, Map.copyOf(identityEnvironment), Map.of());
    }

    public static IdentitySetup external(URI issuer, Map<String, String> environment) {
        return new IdentitySetup(issuer, Map.of(), Map.copyOf(environment));
    }

    public boolean isEmbedded() {
        return externalIssuer == null;
    }
}
