package org.ppi.platform.health;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The platform's "serving, but with a reason to look": a health status answered with 200 (ppi-platform.yml maps
 * it, and orders it between DOWN and UP), always with a machine code and a Spanish reason, as the relay and the
 * projections report their backlogs.
 */
public final class Degraded {
    public static final Status STATUS = new Status("DEGRADED");

    private Degraded() {
    }

    public static Health of(Health.Builder health, String code, String reason) {
        return health.status(STATUS).withDetail("code", code).withDetail("reason", reason).build();
    }
}
