package org.ppi.gateway.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The platform's identity as a verified token states it, whichever way the caller signed in: an API client's bearer
 * JWT, or a browser session's OIDC login (the ID token carries the same claims). Claim names are configurable for
 * other OpenID Connect providers ({@code ppi.security.claims.*}).
 */
@Component
public class PlatformClaims {
    private final String institutionClaim;
    private final String rolesClaim;

    public PlatformClaims(@Value("${ppi.security.claims.institution:institution}") String institutionClaim,
                          @Value("${ppi.security.claims.roles:roles}") String rolesClaim) {
        this.institutionClaim = institutionClaim;
        this.rolesClaim = rolesClaim;
    }

    /** Who the token says acts: user (the subject), institution (null for the platform admin) and roles. */
    public record Identity(String user, String institution, List<String> roles) {
    }

    public Identity of(Authentication authentication) {
        Map<String, Object> claims = claimsOf(authentication);
        if (claims == null) {
            return null;
        }
        Object subject = claims.get("sub");
        Object institution = claims.get(institutionClaim);
        return new Identity(subject == null ? null : String.valueOf(subject),
                institution == null ? null : String.valueOf(institution), roles(claims));
    }

    /** The verified claims behind a request: a bearer JWT's, or the OIDC login's ID token's; null with neither. */
    public Map<String, Object> claimsOf(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getClaims();
        }
        if (authentication != null && authentication.getPrincipal() instanceof OidcUser oidc) {
            return oidc.getClaims();
        }
        return null;
    }

    public List<String> roles(Map<String, Object> claims) {
        Object roles = claims.get(rolesClaim);
        return roles instanceof Collection<?> c ? c.stream().map(String::valueOf).toList()
                : roles == null ? List.of() : List.of(String.valueOf(roles));
    }
}
