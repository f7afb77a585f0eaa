package org.ppi.platform.projection;

import org.ppi.platform.health.Degraded;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The projection in the service's health: how many published events the read models do not contain yet;
 * {@code DEGRADED} (still answered with 200) above {@code behindThreshold}, e.g. during a replay, so "now" is not
 * trusted blindly. The gateway's health shows it beside the relays' backlog.
 */
public class ProjectionHealth implements HealthIndicator {
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
                return Degraded.of(health, "projection.behind", behind + " evento(s) publicados aún no están en las "
                        + "cifras (umbral " + behindThreshold + ").");
            }
            return health.up().build();
        } catch (RuntimeException e) {
            return Degraded.of(new Health.Builder(), "projection.lag-unknown",
                    "No se pudo leer el retraso en Kafka: " + e.getMessage());
        }
    }
}
