package org.ppi.platform.web;

import java.util.Set;

/**
 * Who acts, for which institution, with which roles: all of it from the verified access token (claims
 * {@code institution}, {@code sub}, {@code roles}, {@code centers}; see org.ppi.platform.security). The gateway also
 * forwards the {@code X-Institution-Id} / {@code X-User-Id} headers set from the same token; a service refuses a
 * request whose headers disagree with its token. {@code institutionId} is null only for the platform administrator,
 * whose token names no institution and who reaches only the deployment-wide endpoints.
 */
public record Actor(String institutionId, String userId, Set<String> roles, Set<String> centers) {
    public static final String INSTITUTION_HEADER = "X-Institution-Id";
    public static final String USER_HEADER = "X-User-Id";
    /** The request attribute the security filter stores the verified actor under. */
    public static final String REQUEST_ATTRIBUTE = Actor.class.getName();

    public Actor {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        centers = centers == null ? Set.of() : Set.copyOf(centers);
    }

    public Actor(String institutionId, String userId) {
        this(institutionId, userId, Set.of(), Set.of());
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** The same user and roles acting for another institution (the platform admin registering one). */
    public Actor forInstitution(String institution) {
        return new Actor(institution, userId, roles, centers);
    }
}
