package org.ppi.platform.relay;

import org.ppi.platform.health.Degraded;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The relay in the service's health: {@code DEGRADED} (answered with 200, so the service keeps serving) with
 * the reason while events are parked, while the relay waits on a transient failure, or while more than
 * {@code behindThreshold} events wait to be published; {@code UP} otherwise. The gateway's health shows it.
 */
public class RelayHealth implements HealthIndicator {
    private final RelayLag lag;
    private final long behindThreshold;

    public RelayHealth(RelayLag lag, long behindThreshold) {
        this.lag = lag;
        this.behindThreshold = behindThreshold;
    }

    @Override
    public Health health() {
        RelayLag.Status s = lag.status();
        Health.Builder health = new Health.Builder()
                .withDetail("eventsBehind", s.eventsBehind())
                .withDetail("parked", s.parked())
                .withDetail("relayedUpTo", s.relayedUpTo())
                .withDetail("lastInStore", s.lastInStore());
        if (s.parked() > 0) {
            return Degraded.of(health, "relay.parked", s.parked() + " evento(s) apartado(s) por el relé: no están en el "
                    + "tópico. Vea /admin/relay/parked y reintente cuando la causa esté corregida.");
        }
        if (s.retrying()) {
            return Degraded.of(health, "relay.retrying", "El relé reintenta publicar (" + s.error() + "); "
                    + s.eventsBehind() + " evento(s) esperan.");
        }
        if (s.eventsBehind() > behindThreshold) {
            return Degraded.of(health, "relay.behind", s.eventsBehind() + " evento(s) esperan publicarse (umbral "
                    + behindThreshold + ").");
        }
        return health.up().build();
    }
}
