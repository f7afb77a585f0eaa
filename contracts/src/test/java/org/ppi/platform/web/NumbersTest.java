package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void acceptsCentsQuarterHoursAndVolumesAndRefusesWhatAColumnWouldRound() {
        assertThat(Numbers.money(new BigDecimal("9824561.40"), "annualCost")).isEqualByComparingTo("9824561.40");
        assertThat(Numbers.hours(new BigDecimal("7.25"), "hours")).isEqualByComparingTo("7.25");
        assertThat(Numbers.quantity(new BigDecimal("1200.000000"), "volume")).isEqualByComparingTo("1200");
        assertThat(Numbers.money(null, "amount")).isNull();
        assertThatThrownBy(() -> Numbers.money(new BigDecimal("10.001"), "annualCost"))
                .isInstanceOfSatisfying(DomainRejection.class, e -> assertThat(e.code()).isEqualTo("number.out-of-range"));
        assertThatThrownBy(() -> Numbers.money(new BigDecimal("1E15"), "annualCost")).isInstanceOf(DomainRejection.class);
        assertThatThrownBy(() -> Numbers.hours(new BigDecimal("0.125"), "hours")).isInstanceOf(DomainRejection.class);
    }
}
