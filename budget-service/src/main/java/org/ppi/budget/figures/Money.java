package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.money.Rational;

/** The one rounding rule: exact until shown, then half-up to cents (volumes: up to 6 decimals, no trailing zeros). */
public final class Money {
    private Money() {
    }

    public static BigDecimal cents(Rational value) {
        return value == null ? null : value.toCents();
    }

    public static String exact(Rational value) {
        return value == null ? null : value.toString();
    }

    /** As published: rounded value for display, exact fraction for consumers that keep summing. */
    public static Amount amount(Rational value) {
        Rational v = value == null ? Rational.ZERO : value;
        return new Amount(v.toCents(), v.toString());
    }

    public static BigDecimal plain(Rational value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.round(6).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }
}
