package org.ppi.valuechain.directory;

import java.math.BigDecimal;

import org.ppi.platform.web.DomainRejection;

/**
 * Weights and volumes are stored as numeric(19, 6): a value with more decimals is refused rather than
 * silently rounded, so the read models always equal the events.
 */
public final class Decimals {
    public static final int MAX_SCALE = 6;

    private Decimals() {
    }

    public static void requireStorable(BigDecimal value, String field) {
        if (value.stripTrailingZeros().scale() > MAX_SCALE || value.precision() - value.scale() > 19 - MAX_SCALE) {
            throw DomainRejection.badRequest("number.out-of-range", field, field, MAX_SCALE);
        }
    }

    /** A stored value without the column's trailing zeros (3.000000 → 3), never in exponent notation. */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
