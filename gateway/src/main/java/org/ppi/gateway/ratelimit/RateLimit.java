package org.ppi.gateway.ratelimit;

import org.ppi.gateway.ErrorResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Requests per user (the token's subject; the client address before sign-in) through {@link RateBuckets}: over
 * the rate, 429 {@code request.rate-limited} with Retry-After. The buckets live in memory, or in Redis when
 * {@code ppi.gateway.rate-limit.redis-uri} is set so that every gateway instance behind a balancer shares them.
 */
@Component
class RateLimit implements WebFilter {
    private final RateBuckets buckets;

    RateLimit(RateBuckets buckets) {
        this.buckets = buckets;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!exchange.getRequest().getPath().value().startsWith("/api/")) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext()
                .map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(a -> "user:" + a.getName())
                .defaultIfEmpty("address:" + address(exchange))
                .flatMap(buckets::take)
                .flatMap(wait -> {
                    if (wait == 0) {
                        return chain.filter(exchange);
                    }
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(wait));
                    return ErrorResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "request.rate-limited", wait);
                });
    }

    private static String address(ServerWebExchange exchange) {
        var remote = exchange.getRequest().getRemoteAddress();
        return remote == null ? "unknown" : remote.getAddress().getHostAddress();
    }
}
