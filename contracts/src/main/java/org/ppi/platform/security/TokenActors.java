package org.ppi.platform.security;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.ppi.platform.web.Actor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Reads the contract's claims: institution (absent for the platform administrator), {@code sub} as the user,
 * roles (only the contract's names count) and centers. Also the converter that turns a verified token into the
 * authentication Spring Security keeps (authorities = {@code ROLE_<role>}).
 */
public class TokenActors implements Converter<Jwt, JwtAuthenticationToken> {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,100}");
    private final PlatformSecurityProperties.Claims claims;

    public TokenActors(PlatformSecurityProperties properties) {
        this.claims = properties.getClaims();
    }

    @Override
    public JwtAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, roles(jwt).stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList(),
                jwt.getSubject());
    }

    /** The actor a token speaks for; a malformed institution or user is refused like a bad token. */
    public Actor actor(Jwt jwt) {
        String institution = jwt.getClaimAsString(claims.getInstitution());
        if (institution != null && institution.isBlank()) {
            institution = null;
        }
        if (institution != null && !ID.matcher(institution).matches()) {
            throw new PlatformAuthenticationException(TokenChecks.INVALID, "institution claim is not a valid id");
        }
        String user = jwt.getSubject();
        if (user == null || user.isBlank() || user.length() > 200) {
            throw new PlatformAuthenticationException(TokenChecks.INVALID, "sub claim missing or too long");
        }
        return new Actor(institution, user.trim(), roles(jwt), strings(jwt, claims.getCenters()));
    }

    private Set<String> roles(Jwt jwt) {
        Set<String> roles = new LinkedHashSet<>(strings(jwt, claims.getRoles()));
        roles.retainAll(Roles.ALL);
        return roles;
    }

    /** A claim that is a JSON array of strings, or one string of names separated by spaces or commas. */
    private static Set<String> strings(Jwt jwt, String claim) {
        Object value = jwt.getClaims().get(claim);
        Set<String> result = new LinkedHashSet<>();
        if (value instanceof Collection<?> values) {
            values.forEach(v -> {
                if (v != null && !v.toString().isBlank()) {
                    result.add(v.toString().trim());
                }
            });
        } else if (value instanceof String text) {
            for (String part : List.of(text.split("[\\s,]+"))) {
                if (!part.isBlank()) {
                    result.add(part);
                }
            }
        }
        return result;
    }
}
