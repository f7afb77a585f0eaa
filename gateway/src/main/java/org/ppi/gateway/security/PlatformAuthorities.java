package org.ppi.gateway.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import reactor.core.publisher.Mono;

/**
 * The token's roles as authorities ({@code ROLE_<role>}), for bearer tokens and for browser sessions alike; the
 * principal is the token's subject.
 */
@Configuration
class PlatformAuthorities {
    static String role(String role) {
        return "ROLE_" + role;
    }

    private static List<GrantedAuthority> of(List<String> roles) {
        return roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority(role(r))).toList();
    }

    @Bean
    Converter<Jwt, Mono<AbstractAuthenticationToken>> platformJwtConverter(PlatformClaims claims) {
        return new ReactiveJwtAuthenticationConverterAdapter(jwt ->
                new JwtAuthenticationToken(jwt, of(claims.roles(jwt.getClaims())), jwt.getSubject()));
    }

    /** A browser session's authorities: its OIDC authorities plus the roles its ID token states. */
    @Bean
    GrantedAuthoritiesMapper platformRolesOfSessions(PlatformClaims claims) {
        return authorities -> {
            Collection<GrantedAuthority> mapped = new ArrayList<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (authority instanceof OidcUserAuthority oidc) {
                    mapped.addAll(of(claims.roles(oidc.getIdToken().getClaims())));
                }
            }
            return mapped;
        };
    }
}
