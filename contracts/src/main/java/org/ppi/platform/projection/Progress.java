package org.ppi.platform.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;

/**
 * How far a long piece of work is: what an operator reads on a status endpoint (and the CLI prints) to know whether
 * to wait or to call someone. {@code done} and {@code total} count the same units (records, rows, events);
 * {@code perSecond} is the average rate since the start; {@code etaSeconds} the time left at that rate — both
 * absent until there is a rate to speak of, never a division by zero.
 */
public record Progress(long done, long total, BigDecimal percent, Long perSecond, Long etaSeconds) {

    public static Progress of(long done, long total, Duration elapsed) {
        long clampedDone = Math.max(0, Math.min(done, Math.max(total, 0)));
        BigDecimal percent = total <= 0 ? BigDecimal.valueOf(100).setScale(1)
                : BigDecimal.valueOf(clampedDone * 100L).divide(BigDecimal.valueOf(total), 1, RoundingMode.DOWN);
        long millis = elapsed.toMillis();
        Long perSecond = millis <= 0 || clampedDone == 0 ? null : clampedDone * 1000L / millis;
        Long eta = perSecond == null ? null
                : clampedDone >= total ? 0L
                // Rounded up: "0 s left" only when nothing is.
                : ceilDiv(ceilDiv((total - clampedDone) * millis, clampedDone), 1000L);
        return new Progress(clampedDone, Math.max(total, 0), percent, perSecond, eta);
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    public boolean complete() {
        return done >= total;
    }
}
