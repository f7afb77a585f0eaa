package org.ppi.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class RestartBudgetTest {
    private static final Instant T = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void threeRestartsInFiveMinutesThenNoneUntilTheOldestLeavesTheWindow() {
        RestartBudget budget = new RestartBudget(3, Duration.ofMinutes(5));
        assertThat(budget.allow(T)).isTrue();
        assertThat(budget.allow(T.plusSeconds(30))).isTrue();
        assertThat(budget.allow(T.plusSeconds(60))).isTrue();
        assertThat(budget.allow(T.plusSeconds(90))).as("a service that keeps dying is left down").isFalse();
        assertThat(budget.allow(T.plusSeconds(301))).as("five minutes after the first, one more").isTrue();
        assertThat(budget.allow(T.plusSeconds(302))).isFalse();
    }
}
