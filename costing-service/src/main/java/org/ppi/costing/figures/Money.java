package org.ppi.costing.figures;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.money.Rational;

/** The one rounding rule: exact until shown, then half-up to cents (shares: half-up to 4 decimals of a percent). */
final class Money {
    private Money() {
    }

    static BigDecimal cents(Rational value) {
        return value == null ? null : value.toCents();
    }

    static Amount amount(Rational value) {
        return value == null ? null : new Amount(value.toCents(), value.toString());
    }

    static BigDecimal percent(Rational share) {
        return share == null ? null : share.times(Rational.of(100)).round(4);
    }

    static BigDecimal plain(Rational value) {
        if (value == null) {
            return null;
        }
        BigDecimal rounded = value.round(6).stripTrailingZeros();
        return rounded.scale() < 0 ? rounded.setScale(0, RoundingMode.UNNECESSARY) : rounded;
    }
}
