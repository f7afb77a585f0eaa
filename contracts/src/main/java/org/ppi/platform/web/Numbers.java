package org.ppi.platform.web;

import java.math.BigDecimal;

/**
 * The shapes numbers may take at the door: money in cents below a trillion trillion-free ceiling, hours and
 * quantities with a few decimals. A value outside them is refused with {@code number.out-of-range} (400)
 * before it reaches an event, rather than being rounded silently by a read model's column.
 */
public final class Numbers {
    /** 10^15: above any institution's yearly budget in any currency, below what numeric(19,2) columns hold. */
    private static final BigDecimal MONEY_CEILING = BigDecimal.TEN.pow(15);
    private static final BigDecimal QUANTITY_CEILING = BigDecimal.TEN.pow(12);

    private Numbers() {
    }

    /** At most 2 decimals (cents) and below 10^15. */
    public static BigDecimal money(BigDecimal value, String field) {
        return check(value, field, 2, MONEY_CEILING);
    }

    /** Weekly hours: at most 2 decimals (a quarter of an hour is 0.25). */
    public static BigDecimal hours(BigDecimal value, String field) {
        return check(value, field, 2, QUANTITY_CEILING);
    }

    /** Volumes, weights: at most 6 decimals and below 10^12. */
    public static BigDecimal quantity(BigDecimal value, String field) {
        return check(value, field, 6, QUANTITY_CEILING);
    }

    private static BigDecimal check(BigDecimal value, String field, int maxScale, BigDecimal ceiling) {
        if (value != null && (value.stripTrailingZeros().scale() > maxScale || value.abs().compareTo(ceiling) >= 0)) {
            throw DomainRejection.badRequest("number.out-of-range", field, field, maxScale, ceiling.toPlainString());
        }
        return value;
    }
}
