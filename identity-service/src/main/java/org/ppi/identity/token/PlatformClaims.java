package org.ppi.identity.token;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ppi.identity.users.PlatformUser;
import org.ppi.identity.users.UserDirectory;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Writes the contract's claims into access and ID tokens: {@code institution} (absent for the platform admin),
 * {@code roles}, {@code centers} (only when there are some) and {@code name}; access tokens also get {@code ppi}
 * in {@code aud}, which every service requires. The ID token keeps the standard audience (the client id) that
 * OIDC clients check. {@code sub} is the user name, as SAS already sets it.
 */
public class PlatformClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {
    public static final String AUDIENCE = "ppi";
    public static final String INSTITUTION = "institution";
    public static final String ROLES = "roles";
    public static final String CENTERS = "centers";
    public static final String NAME = "name";

    private final UserDirectory users;

    public PlatformClaims(UserDirectory users) {
        this.users = users;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (!accessToken && !idToken) {
            return;
        }
        // The principal is the signed-in user for every grant these clients have (code, refresh, password).
        PlatformUser user = users.find(context.getPrincipal().getName()).orElse(null);
        if (user == null) {
            return;
        }
        context.getClaims().claims(claims -> {
            if (user.institution() != null) {
                claims.put(INSTITUTION, user.institution());
            }
            claims.put(ROLES, List.copyOf(user.roles()));
            if (!user.centers().isEmpty()) {
                claims.put(CENTERS, List.copyOf(user.centers()));
            }
            claims.put(NAME, user.name());
            if (accessToken) {
                claims.put(JwtClaimNames.AUD, withPlatformAudience(claims.get(JwtClaimNames.AUD)));
            }
        });
    }

    private static List<String> withPlatformAudience(Object current) {
        List<String> audience = new ArrayList<>();
        if (current instanceof Collection<?> values) {
            values.forEach(v -> audience.add(String.valueOf(v)));
        } else if (current != null) {
            audience.add(String.valueOf(current));
        }
        if (!audience.contains(AUDIENCE)) {
            audience.add(AUDIENCE);
        }
        return audience;
    }
}
