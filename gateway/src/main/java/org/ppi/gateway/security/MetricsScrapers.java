package org.ppi.gateway.security;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * Who may read the gateway's own {@code /actuator/prometheus}: the gateway's port is the public door, so not
 * everybody, and a scraper sends no token. Allowed are connections from the addresses in
 * {@code ppi.gateway.metrics.scrape-from} (CIDRs; default the loopback: the machine's own Prometheus), judged by the
 * TCP peer address — the gateway honours no X-Forwarded-For, so a client cannot claim another address. docker-compose
 * gives Prometheus and the gateway a metrics network of their own and lists only that network's range.
 */
final class MetricsScrapers implements ReactiveAuthorizationManager<AuthorizationContext> {
    private final List<Range> allowed;

    MetricsScrapers(String cidrs) {
        this.allowed = Arrays.stream(cidrs.split(",")).map(String::trim).filter(c -> !c.isEmpty()).map(Range::of).toList();
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        InetSocketAddress peer = context.getExchange().getRequest().getRemoteAddress();
        InetAddress address = peer == null ? null : peer.getAddress();
        return Mono.just(new AuthorizationDecision(address != null && allowed.stream().anyMatch(r -> r.contains(address))));
    }

    /** An address range in CIDR notation (IPv4 or IPv6). */
    record Range(byte[] network, int prefix) {
        static Range of(String cidr) {
            String[] parts = cidr.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                return new Range(network, parts.length > 1 ? Integer.parseInt(parts[1]) : network.length * 8);
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("ppi.gateway.metrics.scrape-from: not an address range: " + cidr, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
            return new BigInteger(1, candidate).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
