package org.ppi.gateway.web;

import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Deep links of the web platform ({@code /costos}, {@code /cadenas?asOf=...}) answer with the page's
 * {@code index.html}, whose router then shows the page; the files themselves ({@code /assets/*.js}) come from
 * {@code classpath:/static} as they are. Only a browser's page request is rewritten: a GET that accepts HTML, for a
 * path without a file extension, outside the API, the docs, the login and logout and actuator. A filter rather than a
 * catch-all route, because a catch-all RouterFunction runs before the gateway's routes and would hide them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class SpaFallback implements WebFilter {
    static final String INDEX = "/index.html";
    private static final List<String> NOT_PAGES = List.of("/api", "/v3/api-docs", "/swagger-ui", "/webjars", "/login",
            "/oauth2", "/logout", "/actuator", "/assets", "/error");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        return chain.filter(isPage(request) ? exchange.mutate().request(r -> r.path(INDEX)).build() : exchange);
    }

    static boolean isPage(ServerHttpRequest request) {
        HttpMethod method = request.getMethod();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false;
        }
        String path = request.getPath().pathWithinApplication().value();
        if ("/".equals(path)) {
            return true;
        }
        if (NOT_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."))
                || path.startsWith("/swagger-ui")) {
            return false;
        }
        String last = path.substring(path.lastIndexOf('/') + 1);
        return !last.contains(".") && acceptsHtml(request);
    }

    private static boolean acceptsHtml(ServerHttpRequest request) {
        return request.getHeaders().getAccept().stream()
                .anyMatch(type -> type.getType().equals("text") && type.getSubtype().equals("html"));
    }
}
