package org.ppi.identity.clients;

import java.util.ArrayList;
import java.util.List;

import org.ppi.identity.IdentityProperties;
import org.ppi.identity.password.PasswordGrant;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;

/** The clients of the identity contract, built from configuration. */
public final class RegisteredClients {
    public static final String GATEWAY = "ppi-gateway";
    public static final String CLI = "ppi-cli";
    /** The registration id the gateway uses in its redirect URI ({@code /login/oauth2/code/ppi}). */
    public static final String GATEWAY_REGISTRATION = "ppi";

    private RegisteredClients() {
    }

    public static List<RegisteredClient> of(IdentityProperties properties, PasswordEncoder encoder) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(gateway(properties.gateway(), encoder));
        if (properties.passwordGrant()) {
            clients.add(cli(properties.cli(), encoder));
        }
        return clients;
    }

    /** The browser client: confidential, authorization code with PKCE required, refresh tokens. */
    static RegisteredClient gateway(IdentityProperties.Gateway gateway, PasswordEncoder encoder) {
        String url = withoutTrailingSlash(gateway.url());
        return RegisteredClient.withId(GATEWAY)
                .clientId(GATEWAY)
                .clientSecret(encoder.encode(gateway.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(url + "/login/oauth2/code/" + GATEWAY_REGISTRATION)
                .postLogoutRedirectUri(url + "/")
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                // First-party client: no consent page, but the code still needs its PKCE verifier.
                .clientSettings(ClientSettings.builder()
                        .requireProofKey(true).requireAuthorizationConsent(false).build())
                .build();
    }

    /** LOCAL ONLY: the password grant for curl examples and tests. */
    static RegisteredClient cli(IdentityProperties.Cli cli, PasswordEncoder encoder) {
        return RegisteredClient.withId(CLI)
                .clientId(CLI)
                .clientSecret(encoder.encode(cli.clientSecret()))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(PasswordGrant.TYPE)
                .scope(OidcScopes.PROFILE)
                .build();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
