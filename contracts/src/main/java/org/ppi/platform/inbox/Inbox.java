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
    private final JdbcTemplate jdbc;

    public Inbox(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True the first time an event id is seen; call inside the transaction that applies the event. */
    public boolean firstDelivery(EventEnvelope event) {
        try {
            return jdbc.update("insert into inbox_event (event_id, topic, event_type, processed_at) "
                            + "select ?, ?, ?, ? where not exists (select 1 from inbox_event where event_id = ?)",
                    event.id(), event.topic(), event.type(), Timestamp.from(Instant.now()), event.id()) == 1;
        } catch (DuplicateKeyException concurrentDuplicate) {
            return false;
        }
    }
}
