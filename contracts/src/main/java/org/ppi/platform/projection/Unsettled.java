package org.ppi.platform.projection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each institution folded since it was last settled, inside one transaction, and when it must be settled
 * before folding more: an event recorded later than every pending one settles them first. So an institution is
 * settled once per distinct recording instant, and what it stores at each instant (its figures, and the versions
 * an as-of query reads) is the same whether the events came in one batch or many — live in small batches, a replay
 * in large ones. Events recorded at the same instant (one command's events) settle together; one recorded earlier
 * than the pending ones (a late arrival from another topic) joins them.
 *
 * @param <T> what the caller keeps of each folded event
 */
final class Unsettled<T> {
    private final Map<String, List<T>> events = new LinkedHashMap<>();
    private final Map<String, Instant> latest = new HashMap<>();

    /**
     * The institution's pending events to settle before folding one recorded at {@code at} (and forgotten here):
     * all of them when {@code at} is later than every one, none otherwise (or when {@code at} is unknown).
     */
    List<T> dueBefore(String institution, Instant at) {
        Instant pending = latest.get(institution);
        if (pending == null || at == null || !at.isAfter(pending)) {
            return List.of();
        }
        latest.remove(institution);
        return events.remove(institution);
    }

    /** The event was folded into the institution and waits for its settle. */
    void folded(String institution, Instant at, T event) {
        events.computeIfAbsent(institution, k -> new ArrayList<>()).add(event);
        if (at != null) {
            latest.merge(institution, at, (a, b) -> a.isAfter(b) ? a : b);
        } else {
            latest.putIfAbsent(institution, Instant.MIN);
        }
    }

    /** What is still pending, per institution in the order each was first folded since its last settle. */
    Map<String, List<T>> remaining() {
        return events;
    }
}
