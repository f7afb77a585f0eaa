package org.ppi.gateway.security;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.ppi.gateway.ErrorResponses;
import org.springframework.beans.factory.annotation.Value;
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
 * Requests per user (the token's subject; the client address before sign-in), as a token bucket in memory:
 * {@code ppi.gateway.rate-limit.per-second} sustained, {@code burst} at once. Over it: 429
 * {@code request.rate-limited} with Retry-After. One gateway instance holds its own buckets; several instances
 * behind a balancer each allow the rate (a shared store is the step for that).
 */
@Component
class RateLimit implements WebFilter {
    private final double perSecond;
    private final double burst;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(@Value("${ppi.gateway.rate-limit.per-second:100}") double perSecond,
              @Value("${ppi.gateway.rate-limit.burst:200}") double burst) {
        this.perSecond = perSecond;
        this.burst = burst;
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
                .flatMap(key -> {
                    long wait = buckets.computeIfAbsent(key, k -> new Bucket(burst)).take(perSecond, burst);
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

    /** Tokens refill continuously; a request takes one. */
    private static final class Bucket {
        private double tokens;
        private long last = System.nanoTime();

        Bucket(double tokens) {
            this.tokens = tokens;
        }

        /** 0 when a token was taken, else the whole seconds to wait for one. */
        synchronized long take(double perSecond, double burst) {
            long now = System.nanoTime();
            tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) / perSecond);
        }
    }
}
