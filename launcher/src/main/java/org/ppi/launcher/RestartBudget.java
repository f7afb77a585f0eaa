package org.ppi.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * How often the local launcher brings one service back after it died: at most {@code limit} restarts within
 * {@code window}. A service that keeps dying (a bad configuration, a port taken) is left down with a clear message
 * instead of being restarted in a loop.
 */
final class RestartBudget {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> restarts = new ArrayDeque<>();

    RestartBudget(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** True (and the restart counted) when another restart at {@code now} is within the budget. */
    synchronized boolean allow(Instant now) {
        while (!restarts.isEmpty() && !restarts.peekFirst().isAfter(now.minus(window))) {
            restarts.removeFirst();
        }
        if (restarts.size() >= limit) {
            return false;
        }
        restarts.addLast(now);
        return true;
    }
}
