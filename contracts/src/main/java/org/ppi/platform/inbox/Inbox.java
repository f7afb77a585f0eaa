package org.ppi.platform.inbox;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Remembers which event ids a consumer has applied, in the consumer's own transaction, so a redelivered
 * event (at-least-once relay, consumer restart, rebalance) changes nothing.
 */
public class Inbox {
    protected final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Of {@code ids} (at most 1,000), the ones the inbox holds. */
    private java.util.Collection<String> seen(java.util.List<String> ids) {
        return jdbc.queryForList("select event_id from inbox_event where event_id in (" + placeholders(ids.size()) + ")",
                String.class, ids.toArray());
    }

    /** Of {@code ids} (at most 1,000), the ones known as seen other than by the inbox (none here; see subclasses). */
    protected java.util.Collection<String> seenElsewhere(java.util.List<String> ids) {
        return java.util.List.of();
    }

    protected static String placeholders(int count) {
        return String.join(",", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * The ids of a polled batch's events seen for the first time (the first of two copies in one batch counts once),
     * their inbox rows written through {@code writes}: one query for the whole batch instead of one per event.
     */
    public java.util.Set<String> firstDeliveries(java.util.List<EventEnvelope> events,
                                                  org.ppi.platform.projection.BatchedWrites writes) {
        java.util.Set<String> known = new java.util.HashSet<>();
        java.util.List<String> ids = events.stream().map(EventEnvelope::id).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1000) {
            java.util.List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            known.addAll(seen(chunk));
            known.addAll(seenElsewhere(chunk));
        }
        java.util.Set<String> first = new java.util.LinkedHashSet<>();
        Timestamp now = Timestamp.from(Instant.now());
        for (EventEnvelope event : events) {
            if (!known.contains(event.id()) && first.add(event.id())) {
                writes.update("insert into inbox_event (event_id, topic, event_type, processed_at) values (?, ?, ?, ?)",
                        event.id(), event.topic(), event.type(), now);
            }
        }
        return first;
    }

    /** True the first time an event id is seen; call inside the transaction that applies the event. */
    public boolean firstDelivery(EventEnvelope event) {
        if (!seenElsewhere(java.util.List.of(event.id())).isEmpty()) {
            return false;
        }
        try {
            return jdbc.update("insert into inbox_event (event_id, topic, event_type, processed_at) "
                            + "select ?, ?, ?, ? where not exists (select 1 from inbox_event where event_id = ?)",
                    event.id(), event.topic(), event.type(), Timestamp.from(Instant.now()), event.id()) == 1;
        } catch (DuplicateKeyException concurrentDuplicate) {
            return false;
        }
    }
}
