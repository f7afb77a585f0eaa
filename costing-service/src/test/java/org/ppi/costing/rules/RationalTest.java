package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.money.Rational;

/** The properties of contracts' Rational that costing relies on (it lives in contracts; tested from here). */
class RationalTest {

    @Test
    void normalisesToLowestTermsWithAPositiveDenominator() {
        Rational r = Rational.of(BigInteger.valueOf(6), BigInteger.valueOf(-8));
        assertThat(r.numerator()).isEqualTo(BigInteger.valueOf(-3));
        assertThat(r.denominator()).isEqualTo(BigInteger.valueOf(4));
        assertThat(Rational.of(BigInteger.ZERO, BigInteger.TEN)).isSameAs(Rational.ZERO);
        assertThat(Rational.of(new BigDecimal("1.50"))).isEqualTo(Rational.parse("3/2"));
        assertThat(Rational.of(new BigDecimal("1.50")).hashCode()).isEqualTo(Rational.parse("3/2").hashCode());
    }

    @Test
    void arithmeticIsExact() {
        Rational third = Rational.parse("1/3");
        assertThat(third.plus(third).plus(third)).isEqualTo(Rational.ONE);
        assertThat(Rational.ONE.minus(third)).isEqualTo(Rational.parse("2/3"));
        assertThat(third.times(Rational.of(3))).isEqualTo(Rational.ONE);
        assertThat(Rational.ONE.dividedBy(Rational.of(7)).times(Rational.of(7))).isEqualTo(Rational.ONE);
        assertThat(third.negate().signum()).isNegative();
        assertThat(third.compareTo(Rational.parse("0.33"))).isPositive();
    }

    @Test
    void roundsHalfUpToCentsOnlyWhenAsked() {
        assertThat(Rational.parse("1/200").toCents()).isEqualTo(new BigDecimal("0.01"));
        assertThat(Rational.parse("-1/200").toCents()).isEqualTo(new BigDecimal("-0.01"));
        assertThat(Rational.parse("1/3").toCents()).isEqualTo(new BigDecimal("0.33"));
        assertThat(Rational.parse("2/3").toCents()).isEqualTo(new BigDecimal("0.67"));
        assertThat(Rational.of(5).toCents()).isEqualTo(new BigDecimal("5.00"));
        // three thirds rounded separately lose a cent; summed exactly they do not
        Rational third = Rational.parse("100/3");
        assertThat(third.toCents().multiply(BigDecimal.valueOf(3))).isEqualTo(new BigDecimal("99.99"));
        assertThat(third.plus(third).plus(third).toCents()).isEqualTo(new BigDecimal("100.00"));
    }

    @Test
    void textFormRoundTrips() {
        Rational r = Rational.parse("-22/7");
        assertThat(r.toString()).isEqualTo("-22/7");
        assertThat(Rational.parse(r.toString())).isEqualTo(r);
        assertThat(Rational.of(12).toString()).isEqualTo("12");
        assertThat(Rational.parse(" 12.5 ")).isEqualTo(Rational.parse("25/2"));
    }

    @Test
    void divisionByZeroIsAnError() {
        assertThatThrownBy(() -> Rational.ONE.dividedBy(Rational.ZERO)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Rational.of(BigInteger.ONE, BigInteger.ZERO)).isInstanceOf(ArithmeticException.class);
    }
}
