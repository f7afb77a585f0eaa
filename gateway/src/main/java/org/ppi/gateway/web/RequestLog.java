package org.ppi.gateway.web;

import java.util.Optional;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One log line per API request (method, path without its query, status, time) with the request's trace id, which
 * the gateway also answers in {@code PPI-Trace-Id}: what a user quotes, and what an operator greps in every
 * service's log (the trace goes on to the service as {@code traceparent}, into the event and the figures it changes).
 * The trace is the one of the server observation Spring starts for the request; reactive code has no thread-bound
 * MDC, so the ids are put there for this line alone.
 */
@Component
class RequestLog implements WebFilter, Ordered {
    static final String TRACE_HEADER = "PPI-Trace-Id";
    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        long start = System.nanoTime();
        Optional<Span> span = spanOf(exchange);
        span.ifPresent(s -> exchange.getResponse().getHeaders().set(TRACE_HEADER, s.context().traceId()));
        return chain.filter(exchange).doFinally(signal -> {
            span.ifPresent(s -> {
                MDC.put("traceId", s.context().traceId());
                MDC.put("spanId", s.context().spanId());
            });
            try {
                log.info("{} {} -> {} in {} ms", exchange.getRequest().getMethod(), path,
                        exchange.getResponse().getStatusCode() == null ? "-" : exchange.getResponse().getStatusCode().value(),
                        (System.nanoTime() - start) / 1_000_000);
            } finally {
                MDC.remove("traceId");
                MDC.remove("spanId");
            }
        });
    }

    private static Optional<Span> spanOf(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context.get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> tracing.getSpan());
    }
}
