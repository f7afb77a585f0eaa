package org.ppi.gateway;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
    private static final Map<String, String> MESSAGES = Map.of(
            "es", "La solicitud supera el tamaño máximo de %,d bytes.",
            "en", "The request is larger than the maximum of %,d bytes.");

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
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getHeaders().set("Connection", "close");
        String language = language(exchange);
        String message = String.format(Locale.forLanguageTag(language), MESSAGES.get(language), maxBytes);
        String body = "{\"status\":413,\"code\":\"request.too-large\",\"field\":null,\"message\":\"" + message
                + "\",\"details\":[]}";
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
    }

    /** Spanish unless the caller asks for English first. */
    static String language(ServerWebExchange exchange) {
        List<Locale.LanguageRange> ranges = exchange.getRequest().getHeaders().getAcceptLanguage();
        String best = Locale.lookupTag(ranges, List.of("es", "en"));
        return "en".equals(best) ? "en" : "es";
    }
}
