package org.ppi.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;

import io.netty.channel.ConnectTimeoutException;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * A service that cannot be reached (connection refused, no route, unknown host, connect timeout: it is down or
 * restarting) answers 503 {@code service.unavailable} in the platform's error format, naming the service, with
 * {@code Retry-After}: the request never reached it, so retrying is safe. A service that closes or resets the
 * connection before answering (killed mid-request) answers 502 {@code service.interrupted}: the request reached it
 * and may have been applied. Anything else keeps Spring's handling.
 * Ordered before Spring Boot's error handler (-1).
 */
@Component
@Order(-2)
class ServiceUnavailable implements WebExceptionHandler {
    static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(error);
        }
        if (unreachable(error)) {
            exchange.getResponse().getHeaders().set("Retry-After", RETRY_AFTER_SECONDS);
            return ErrorResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "service.unavailable", service(exchange));
        }
        if (interrupted(error)) {
            // Found by the fault suite: a service killed mid-request reset the connection and the caller got a bare 500.
            return ErrorResponses.write(exchange, HttpStatus.BAD_GATEWAY, "service.interrupted", service(exchange));
        }
        return Mono.error(error);
    }

    /** The service closed or reset the connection before it answered: the request reached it, its fate is unknown. */
    static boolean interrupted(Throwable error) {
        return anyCause(error, t -> t instanceof reactor.netty.http.client.PrematureCloseException
                || (t instanceof java.io.IOException && t.getMessage() != null
                && (t.getMessage().contains("Connection reset") || t.getMessage().contains("Broken pipe"))));
    }

    private static boolean anyCause(Throwable error, java.util.function.Predicate<Throwable> test) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    static boolean unreachable(Throwable error) {
        return anyCause(error, t -> t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof UnknownHostException || t instanceof ConnectTimeoutException);
    }

    /** The route's service, e.g. "costing-service" for routes costing and costing-docs. */
    static String service(ServerWebExchange exchange) {
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        if (route == null) {
            return "?";
        }
        return route.getId().replaceFirst("-docs$", "") + "-service";
    }
}
