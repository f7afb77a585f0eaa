package org.ppi.gateway.security;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import reactor.core.publisher.Mono;

/**
 * Who may read the gateway's own {@code /actuator/prometheus}: the gateway's port is the public door, so not
 * everybody, and a scraper sends no token. Allowed are connections from the addresses in
 * {@code ppi.gateway.metrics.scrape-from} (CIDRs; default the loopback: the machine's own Prometheus), judged by the
 * TCP peer address — the gateway honours no X-Forwarded-For, so a client cannot claim another address. docker-compose
 * gives Prometheus and the gateway a metrics network of their own and lists only that network's range.
 */
final class MetricsScrapers implements ReactiveAuthorizationManager<AuthorizationContext> {
    private final List<IpAddressMatcher> allowed;

    MetricsScrapers(String cidrs) {
        this.allowed = Arrays.stream(cidrs.split(",")).map(String::trim).filter(c -> !c.isEmpty())
                .map(IpAddressMatcher::new).toList();
    }

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        InetSocketAddress peer = context.getExchange().getRequest().getRemoteAddress();
        String address = peer == null || peer.getAddress() == null ? null : peer.getAddress().getHostAddress();
        return Mono.just(new AuthorizationDecision(address != null && allowed.stream().anyMatch(m -> m.matches(address))));
    }
}
