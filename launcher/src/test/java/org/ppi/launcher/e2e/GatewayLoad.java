package org.ppi.launcher.e2e;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntPredicate;

/**
 * Requests through the gateway at a set rate, each timed from the moment it was due (not from when a busy client got
 * round to it), so a platform that falls behind shows in the percentiles instead of slowing the load down.
 */
final class GatewayLoad {
    private GatewayLoad() {
    }

    /** A request not started within this long of its due moment is dropped: the platform is past its capacity. */
    static final long BEHIND_MILLIS = 10_000;

    /**
     * @param sent requests made; {@code failed} of them did not do what they should
     * @param dropped requests never made because the load was already {@link #BEHIND_MILLIS} behind
     */
    record Result(int sent, int failed, int dropped, double seconds, long p50, long p95, long p99, long max) {
        double perSecond() {
            return seconds == 0 ? 0 : sent / seconds;
        }

        String describe() {
            return String.format("%d in %.1f s (%.0f/s), p50 %d ms, p95 %d ms, p99 %d ms, max %d ms, failed %d%s", sent, seconds,
                    perSecond(), p50, p95, p99, max, failed, dropped == 0 ? "" : ", dropped " + dropped + " (past capacity)");
        }
    }

    /** {@code request.test(i)} for i = 0 … rate × duration − 1, true when it did what it should. */
    static Result paced(int perSecond, Duration duration, int threads, IntPredicate request) throws Exception {
        int count = (int) (perSecond * duration.toMillis() / 1000);
        long interval = 1_000_000_000L / perSecond;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + 100_000_000L;
        List<Future<long[]>> futures = new ArrayList<>(count);
        try {
            for (int i = 0; i < count; i++) {
                int index = i;
                long due = start + index * interval;
                futures.add(pool.submit(() -> {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    } else if (-wait / 1_000_000 > BEHIND_MILLIS) {
                        return null;
                    }
                    boolean ok;
                    try {
                        ok = request.test(index);
                    } catch (RuntimeException e) {
                        ok = false;
                    }
                    return new long[] {(System.nanoTime() - due) / 1_000_000, ok ? 0 : 1};
                }));
            }
            List<Long> latencies = new ArrayList<>(count);
            int failed = 0;
            int dropped = 0;
            for (Future<long[]> future : futures) {
                long[] r = future.get();
                if (r == null) {
                    dropped++;
                    continue;
                }
                latencies.add(r[0]);
                failed += (int) r[1];
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Collections.sort(latencies);
            return new Result(count - dropped, failed, dropped, Math.round(seconds * 10) / 10.0, percentile(latencies, 50), percentile(latencies, 95),
                    percentile(latencies, 99), latencies.isEmpty() ? 0 : latencies.get(latencies.size() - 1));
        } finally {
            pool.shutdownNow();
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank)));
    }
}
