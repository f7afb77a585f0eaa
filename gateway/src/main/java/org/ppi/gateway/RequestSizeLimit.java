package org.ppi.gateway;


import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The door's size limit: a body larger than {@code ppi.gateway.max-request-bytes} (512 KiB by default, like every
 * service) answers 413 {@code request.too-large} in the platform's error format before it is forwarded. A body
 * without Content-Length (chunked) is counted as it streams and cut at the limit; the service's own limit then
 * answers it.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit implements WebFilter {
    private static final long DRAIN_LIMIT = 32L * 1024 * 1024;
    private final long maxBytes;

    RequestSizeLimit(@Value("${ppi.gateway.max-request-bytes:524288}") long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long length = request.getHeaders().getContentLength();
        if (length > maxBytes) {
            return tooLarge(exchange);
        }
        if (length >= 0) {
            return chain.filter(exchange);
        }
        ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().doOnNext(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > maxBytes) {
                        throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(counted).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        exchange.getResponse().getHeaders().set("Connection", "close");
        // Read and drop what the client is already sending (up to a bound), so that it reads the 413 instead of a
        // connection reset in the middle of its upload; past the bound the connection is closed.
        long[] seen = {0};
        return exchange.getRequest().getBody()
                .takeWhile(buffer -> {
                    seen[0] += buffer.readableByteCount();
                    DataBufferUtils.release(buffer);
                    return seen[0] <= DRAIN_LIMIT;
                })
                .then(Mono.defer(() -> ErrorResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "request.too-large",
                        maxBytes)));
    }
}
