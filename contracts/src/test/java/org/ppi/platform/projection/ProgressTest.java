package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressTest {

    @Test
    void rateAndTimeLeftFollowWhatIsDoneInTheTimeTaken() {
        Progress quarter = Progress.of(250, 1000, Duration.ofSeconds(10));
        assertThat(quarter.percent()).isEqualByComparingTo("25.0");
        assertThat(quarter.perSecond()).isEqualTo(25);
        assertThat(quarter.etaSeconds()).as("750 left at 25/s").isEqualTo(30);

        Progress faster = Progress.of(500, 1000, Duration.ofSeconds(10));
        assertThat(faster.perSecond()).isEqualTo(50);
        assertThat(faster.etaSeconds()).isEqualTo(10);
    }

    @Test
    void timeLeftIsRoundedUpAndZeroOnlyWhenDone() {
        assertThat(Progress.of(999, 1000, Duration.ofSeconds(1)).etaSeconds()).as("1 ms left").isEqualTo(1);
        assertThat(Progress.of(1000, 1000, Duration.ofSeconds(1)).etaSeconds()).isZero();
        assertThat(Progress.of(1000, 1000, Duration.ofSeconds(1)).complete()).isTrue();
        assertThat(Progress.of(2, 3, Duration.ofSeconds(1)).percent()).as("never rounded up to done")
                .isEqualByComparingTo("66.6");
    }

    @Test
    void noRateBeforeAnythingIsDoneAndNothingToDoIsComplete() {
        Progress starting = Progress.of(0, 1000, Duration.ofSeconds(3));
        assertThat(starting.perSecond()).isNull();
        assertThat(starting.etaSeconds()).isNull();
        assertThat(starting.complete()).isFalse();

        Progress empty = Progress.of(0, 0, Duration.ZERO);
        assertThat(empty.complete()).isTrue();
        assertThat(empty.percent()).isEqualByComparingTo("100");
    }
}
