package org.ppi.platform.relay;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The relay's dead letters: events it could not publish, why, and whether an operator's retry published them. */
public class ParkedEvents {
    private final JdbcClient jdbc;

    public ParkedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record ParkedEvent(String eventId, long globalIndex, String aggregateId, long sequenceNumber, String eventType,
                              String institutionId, String reason, int attempts, Instant parkedAt, Instant lastTriedAt,
                              Instant publishedAt) {
        public boolean open() {
            return publishedAt == null;
        }
    }

    /** Parks an event (or, parked already, records one more failed try with its reason). */
    public void park(ParkedEvent event) {
        int updated = jdbc.sql("update relay_parked_event set reason = ?, attempts = attempts + ?, last_tried_at = ?, "
                        + "published_at = null where event_id = ?")
                .params(event.reason(), event.attempts(), Timestamp.from(event.lastTriedAt()), event.eventId()).update();
        if (updated == 0) {
            jdbc.sql("insert into relay_parked_event (event_id, global_index, aggregate_id, sequence_number, event_type, "
                            + "institution_id, reason, attempts, parked_at, last_tried_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(event.eventId(), event.globalIndex(), event.aggregateId(), event.sequenceNumber(),
                            event.eventType(), event.institutionId(), event.reason(), event.attempts(),
                            Timestamp.from(event.parkedAt()), Timestamp.from(event.lastTriedAt()))
                    .update();
        }
    }

    public void published(String eventId, Instant at) {
        jdbc.sql("update relay_parked_event set published_at = ?, last_tried_at = ?, attempts = attempts + 1 where event_id = ?")
                .params(Timestamp.from(at), Timestamp.from(at), eventId).update();
    }

    public Optional<ParkedEvent> find(String eventId) {
        return jdbc.sql(SELECT + " where event_id = ?").param(eventId).query(ParkedEvents::row).optional();
    }

    /** Parked events, oldest first; {@code openOnly} leaves out the ones a retry has published. */
    public List<ParkedEvent> list(boolean openOnly, int offset, int limit) {
        return jdbc.sql(SELECT + (openOnly ? " where published_at is null" : "") + " order by global_index limit ? offset ?")
                .params(limit, offset).query(ParkedEvents::row).list();
    }

    public long count(boolean openOnly) {
        return jdbc.sql("select count(*) from relay_parked_event" + (openOnly ? " where published_at is null" : ""))
                .query(Long.class).single();
    }

    /** The newest open parking, for the health check's reason. */
    public Optional<ParkedEvent> latestOpen() {
        return jdbc.sql(SELECT + " where published_at is null order by global_index desc limit 1").query(ParkedEvents::row)
                .optional();
    }

    private static final String SELECT = "select event_id, global_index, aggregate_id, sequence_number, event_type, "
            + "institution_id, reason, attempts, parked_at, last_tried_at, published_at from relay_parked_event";

    private static ParkedEvent row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp published = rs.getTimestamp(11);
        return new ParkedEvent(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
                rs.getTimestamp(10).toInstant(), published == null ? null : published.toInstant());
    }
}
