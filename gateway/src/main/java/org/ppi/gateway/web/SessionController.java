package org.ppi.gateway.web;

import java.util.List;
import java.util.Map;

import org.ppi.gateway.security.PlatformClaims;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who the web page's session belongs to, read from the verified identity the door already holds (the OIDC login's
 * ID token, or a bearer JWT): the page shows the name and institution and, on 401 (the security chain answers it for
 * {@code /api/**} without an identity), goes to the login.
 */
@RestController
class SessionController {
    private final PlatformClaims claims;

    SessionController(PlatformClaims claims) {
        this.claims = claims;
    }

    record SessionView(String name, String subject, String institution, List<String> roles) {
    }

    @GetMapping("/api/session")
    SessionView session(Authentication authentication) {
        PlatformClaims.Identity identity = claims.of(authentication);
        if (identity == null) {
            throw new ResponseStatusException(HttpStatus.UNAUTHORIZED);
        }
        return new SessionView(displayName(claims.claimsOf(authentication), identity.user()), identity.user(),
                identity.institution(), identity.roles());
    }

    private static String displayName(Map<String, Object> c, String subject) {
        for (String name : List.of("name", "preferred_username")) {
            if (c.get(name) instanceof String s && !s.isBlank()) {
                return s;
            }
        }
        return subject;
    }
}
