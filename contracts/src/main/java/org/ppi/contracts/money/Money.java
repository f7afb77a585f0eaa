package org.ppi.contracts.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ppi.contracts.costing.Amount;

/**
 * The one rounding rule, shared by every service that shows or publishes figures: exact until shown, then
 * half-up to cents; shares half-up to 4 decimals of a percent; hours and volumes to at most 6 decimals without
 * trailing zeros. A null value (a missing unit cost, a volume gap) stays null.
 */
public final class Money {
    private Money() {
    }

    public static BigDecimal cents(Rational value) {
        return value == null ? null : value.toCents();
    }

    public static String exact(Rational value) {
        return value == null ? null : value.toString();
    }

    /** As published: the rounded value for display and the exact fraction for consumers that keep summing. */
    public static Amount amount(Rational value) {
        return value == null ? null : new Amount(value.toCents(), value.toString());
    }

    public static BigDecimal percent(Rational share) {
        return share == null ? null : share.times(Rational.of(100)).round(4);
    }

    public static BigDecimal plain(Rational value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.round(6).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }
}
