package org.ppi.gateway.ratelimit;

/** The rate every user gets: {@code perSecond} sustained, {@code burst} at once. */
record RateSettings(double perSecond, double burst) {
    RateSettings {
        if (perSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("ppi.gateway.rate-limit: per-second > 0 and burst >= 1 expected");
        }
    }
}
