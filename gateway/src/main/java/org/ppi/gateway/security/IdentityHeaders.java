package org.ppi.gateway.security;

import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Removes any {@code X-Institution-Id} / {@code X-User-Id} a client wrote and sets them from the verified token, on
 * every routed request. The services check them against the token they receive too (defence in depth): a forged
 * header never reaches a service as the caller's identity.
 */
@Component
class IdentityHeaders implements GlobalFilter, Ordered {
    static final String INSTITUTION = "X-Institution-Id";
    static final String USER = "X-User-Id";

    private final PlatformClaims claims;

    IdentityHeaders(PlatformClaims claims) {
        this.claims = claims;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .map(authentication -> java.util.Optional.ofNullable(claims.of(authentication)))
                .defaultIfEmpty(java.util.Optional.empty())
                .flatMap(identity -> {
                    ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> {
                        headers.remove(INSTITUTION);
                        headers.remove(USER);
                        identity.ifPresent(id -> {
                            headers.set(USER, id.user());
                            if (id.institution() != null) {
                                headers.set(INSTITUTION, id.institution());
                            }
                        });
                    }).build();
                    return chain.filter(exchange.mutate().request(request).build());
                });
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
