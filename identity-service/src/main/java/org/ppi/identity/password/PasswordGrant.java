package org.ppi.identity.password;

import org.springframework.security.oauth2.core.AuthorizationGrantType;

/**
 * LOCAL ONLY: the resource owner password grant (OAuth 2.0, removed from OAuth 2.1 and from Spring Security 7),
 * kept as an extension grant so that curl examples and tests can get a user's token without a browser. Switched
 * off with {@code ppi.identity.password-grant=false}, which also removes the {@code ppi-cli} client.
 */
public final class PasswordGrant {
    public static final AuthorizationGrantType TYPE = new AuthorizationGrantType("password");
    public static final String USERNAME = "username";
    public static final String PASSWORD = "password";

    private PasswordGrant() {
    }
}
