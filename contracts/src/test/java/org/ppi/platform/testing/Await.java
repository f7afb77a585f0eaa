package org.ppi.platform.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;

/**
 * Polls until a condition holds, for the eventually consistent parts of a test (a projection catching up, a
 * replica fed from a topic). The probe is asked at once, then every interval until the deadline, and once more
 * at the deadline; past it the wait fails with what it waited for and the last answer seen.
 */
public final class Await {
    /** How long to sleep between probes unless told otherwise. */
    public static final Duration INTERVAL = Duration.ofMillis(200);

    private Await() {
    }

    /** Something to ask again and again (an HTTP call, a query). */
    @FunctionalInterface
    public interface Probe<T> {
        T get() throws Exception;
    }

    /** A yes/no question to ask again and again. */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits until the condition holds. */
    public static void until(String description, Duration timeout, Condition condition) throws Exception {
        until(description, timeout, INTERVAL, condition::holds, Boolean::booleanValue);
    }

    /** Waits until {@code done} accepts the probe's answer, and returns that answer. */
    public static <T> T until(String description, Duration timeout, Probe<T> probe, Predicate<? super T> done)
            throws Exception {
        return until(description, timeout, INTERVAL, probe, done);
    }

    /** Waits, probing every {@code interval}, until {@code done} accepts the probe's answer, and returns that answer. */
    public static <T> T until(String description, Duration timeout, Duration interval, Probe<T> probe,
                              Predicate<? super T> done) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            T last = probe.get();
            if (done.test(last)) {
                return last;
            }
            if (!Instant.now().isBefore(deadline)) {
                throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting for " + description
                        + "; last answer: " + last);
            }
            Thread.sleep(interval.toMillis());
        }
    }
}
