package org.ppi.platform.security;

import java.io.IOException;
import java.util.Objects;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ppi.platform.web.Actor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * After the token is verified: builds the {@link Actor} from it and refuses (401) a request whose
 * {@code X-Institution-Id} / {@code X-User-Id} headers disagree with the token, or whose token names no institution
 * for an endpoint that is not deployment-wide. The actor is stored as a request attribute for the controllers.
 */
public class ActorFilter extends OncePerRequestFilter {
    private final TokenActors actors;
    private final SecurityErrors errors;

    public ActorFilter(TokenActors actors, SecurityErrors errors) {
        this.actors = actors;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            try {
                Actor actor = actors.actor(token.getToken());
                if (disagrees(request.getHeader(Actor.INSTITUTION_HEADER), actor.institutionId())
                        || disagrees(request.getHeader(Actor.USER_HEADER), actor.userId())) {
                    throw new PlatformAuthenticationException(SecurityErrors.HEADERS_DISAGREE,
                            "headers do not match the token");
                }
                if (actor.institutionId() == null && !Permissions.platformLevel(request.getMethod(), path(request))) {
                    throw new PlatformAuthenticationException(SecurityErrors.INSTITUTION_MISSING,
                            "token names no institution");
                }
                request.setAttribute(Actor.REQUEST_ATTRIBUTE, actor);
            } catch (PlatformAuthenticationException e) {
                SecurityContextHolder.clearContext();
                errors.commence(request, response, e);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A header that is present must equal the token's value (an absent institution equals an empty header). */
    private static boolean disagrees(String header, String fromToken) {
        return header != null && !header.trim().equals(Objects.requireNonNullElse(fromToken, ""));
    }

    static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
