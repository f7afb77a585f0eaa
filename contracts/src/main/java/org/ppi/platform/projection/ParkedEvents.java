package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The events a projection parked: the one it could not apply (with the reason) and the events of the same
 * institution that arrived after it and wait behind it, so that institution's figures stay as they were — stale —
 * while every other institution goes on. Open rows have no resolution; a retry or a skip resolves them, with who,
 * when and why. Each park also sends the record to the dead-letter topic ({@link DeadLetters}), and each park, retry
 * and skip is an audit event ({@link ParkingAudit}), both through the outbox in the same transaction.
 */
public class ParkedEvents {
    public static final String RETRIED = "RETRIED";
    public static final String SKIPPED = "SKIPPED";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final DeadLetters deadLetters;
    private final ParkingAudit audit;
    private final org.springframework.transaction.support.TransactionTemplate tx;

    /** Parking alone, without dead letters and audit events (tests of the parking itself). */
    public ParkedEvents(JdbcClient jdbc, JsonMapper json) {
        this(jdbc, json, null, null, null);
    }

    public ParkedEvents(JdbcClient jdbc, JsonMapper json, DeadLetters deadLetters, ParkingAudit audit,
                        org.springframework.transaction.support.TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.json = json;
        this.deadLetters = deadLetters;
        this.audit = audit;
        this.tx = tx;
    }

    /** A parked event as an operator reads it. */
    public record Parked(long id, String eventId, String institutionId, String topic, Integer partition, Long offset,
                         String type, Instant recordedAt, String reason, String blockedBy, Instant parkedAt,
                         String resolution, Instant resolvedAt, String resolvedBy, String resolutionReason) {
    }

    /**
     * Inside the consumer's transaction. A record the reader could not read as an event reaches here as one of no
     * known type; its own reason (malformed body, an attribute too long…) is the one recorded.
     */
    public void park(CloudEventReader.Delivery delivery, String institutionId, String givenReason, String blockedBy) {
        EventEnvelope e = delivery.event();
        String reason = limit(delivery.unreadable() != null && blockedBy == null ? delivery.unreadable() : givenReason);
        Instant parkedAt = Instant.now();
        jdbc.sql("insert into projection_parked (event_id, institution_id, topic, partition_no, record_offset, event_type, "
                        + "subject, recorded_at, acting_user, interview_id, causation_id, payload, reason, blocked_by, parked_at, "
                        + "correlation_id) values (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
                .params(e.id(), institutionId, e.topic(), delivery.partition(), delivery.offset(), e.type(), e.subject(),
                        e.recordedAt() == null ? null : Timestamp.from(e.recordedAt()), e.actingUser(), e.interviewId(),
                        e.causationId(), text(e.data()), reason, blockedBy, Timestamp.from(parkedAt), e.correlationId())
                .update();
        if (deadLetters != null) {
            deadLetters.add(delivery, institutionId, reason, blockedBy, parkedAt);
        }
        if (audit != null) {
            audit.parked(delivery, institutionId, reason, blockedBy, parkedAt);
        }
    }

    /** The body as text for an operator to read: PostgreSQL keeps no NUL in a text (the exact bytes are the dead letter's). */
    private static String text(byte[] data) {
        return new String(data, StandardCharsets.UTF_8).replace('\u0000', '\uFFFD');
    }

    /** The open event the institution's later events wait behind (the first parked and not resolved), if any. */
    public Optional<String> blockerOf(String institutionId) {
        return jdbc.sql("select event_id from projection_parked where institution_id = ? and resolution is null "
                        + "order by id limit 1")
                .param(institutionId).query(String.class).optional();
    }

    public boolean stale(String institutionId) {
        return blockerOf(institutionId).isPresent();
    }

    public long open(String institutionId) {
        return jdbc.sql("select count(*) from projection_parked where institution_id = ? and resolution is null")
                .param(institutionId).query(Long.class).single();
    }

    public List<Parked> list(boolean all) {
        return jdbc.sql("select * from projection_parked" + (all ? "" : " where resolution is null") + " order by id")
                .query((rs, i) -> parked(rs)).list();
    }

    public Optional<Parked> find(String eventId) {
        return jdbc.sql("select * from projection_parked where event_id = ? and resolution is null order by id limit 1")
                .param(eventId).query((rs, i) -> parked(rs)).optional();
    }

    /** The institution's open events, oldest first, as they arrived: what a retry applies. */
    public List<Opened> openEvents(String institutionId) {
        return jdbc.sql("select * from projection_parked where institution_id = ? and resolution is null order by id")
                .param(institutionId).query((rs, i) -> new Opened(rs.getLong("id"), EventLog.envelope(rs, json))).list();
    }

    public record Opened(long id, EventEnvelope event) {
    }

    /** A retry or a skip, with who and why, and its audit event in the same transaction (joined when one is open). */
    public void resolve(long id, String resolution, String user, String reason) {
        Instant at = Instant.now();
        Runnable work = () -> {
            jdbc.sql("update projection_parked set resolution = ?, resolved_at = ?, resolved_by = ?, resolution_reason = ? "
                            + "where id = ?")
                    .params(resolution, Timestamp.from(at), user, reason, id).update();
            if (audit != null) {
                jdbc.sql("select * from projection_parked where id = ?").param(id).query((rs, i) -> parked(rs)).optional()
                        .ifPresent(parked -> audit.resolved(parked, resolution, user, reason, at));
            }
        };
        if (tx == null) {
            work.run();
        } else {
            tx.executeWithoutResult(status -> work.run());
        }
    }

    private static Parked parked(ResultSet rs) throws SQLException {
        Timestamp recorded = rs.getTimestamp("recorded_at");
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new Parked(rs.getLong("id"), rs.getString("event_id"), rs.getString("institution_id"), rs.getString("topic"),
                (Integer) rs.getObject("partition_no"), rs.getObject("record_offset") == null ? null : rs.getLong("record_offset"),
                rs.getString("event_type"), recorded == null ? null : recorded.toInstant(), rs.getString("reason"),
                rs.getString("blocked_by"), rs.getTimestamp("parked_at").toInstant(), rs.getString("resolution"),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"), rs.getString("resolution_reason"));
    }

    private static String limit(String reason) {
        String text = reason == null ? "unknown" : reason.replace('\u0000', '\uFFFD');
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
