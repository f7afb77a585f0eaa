package org.ppi.platform.projection;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The projection in the service's health: how many published events the read models do not contain yet;
 * {@code DEGRADED} (still answered with 200) above {@code behindThreshold}, e.g. during a replay, so "now" is not
 * trusted blindly. The gateway's health shows it beside the relays' backlog.
 */
public class ProjectionHealth implements HealthIndicator {
    private static final Status DEGRADED = new Status("DEGRADED");

    private final ReplayService replay;
    private final long behindThreshold;

    public ProjectionHealth(ReplayService replay, long behindThreshold) {
        this.replay = replay;
        this.behindThreshold = behindThreshold;
    }

    @Override
    public Health health() {
        try {
            long behind = replay.lag().eventsBehind();
            Health.Builder health = new Health.Builder().withDetail("eventsBehind", behind);
            if (behind > behindThreshold) {
                return health.status(DEGRADED).withDetail("code", "projection.behind")
                        .withDetail("reason", behind + " evento(s) publicados aún no están en las cifras (umbral "
                                + behindThreshold + ").").build();
            }
            return health.up().build();
        } catch (RuntimeException e) {
            return new Health.Builder().status(DEGRADED).withDetail("code", "projection.lag-unknown")
                    .withDetail("reason", "No se pudo leer el retraso en Kafka: " + e.getMessage()).build();
        }
    }
}
