package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

import org.ppi.contracts.EventTypes;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every event a projection consumed, verbatim and append-only. Lineage reads event details from here, and as-of
 * queries fold it up to a point in time: the history, not an editable snapshot, is what answers them.
 */

public class EventLog {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final BatchedWrites writes;

    public EventLog(JdbcClient jdbc, JsonMapper json, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.json = json;
        this.writes = writes;
    }

    public void append(EventEnvelope e) {
        writes.update("insert into event_log (event_id, topic, event_type, institution_id, subject, recorded_at, acting_user, "
                        + "interview_id, causation_id, payload, correlation_id) values (?,?,?,?,?,?,?,?,?,?,?)",
                e.id(), e.topic(), e.type(), institutionOf(e), e.subject(),
                Timestamp.from(e.recordedAt() == null ? Instant.EPOCH : e.recordedAt()), e.actingUser(),
                e.interviewId(), e.causationId(), new String(e.data(), StandardCharsets.UTF_8), e.correlationId());
    }

    /** Folds, in recording order, the institution's events recorded up to {@code until} (null: all). */
    public void replay(String institutionId, Instant until, Consumer<EventEnvelope> fold) {
        String sql = "select * from event_log where institution_id = ?"
                + (until == null ? "" : " and recorded_at <= ?") + " order by recorded_at, position";
        var statement = jdbc.sql(sql).param(institutionId);
        if (until != null) {
            statement = statement.param(Timestamp.from(until));
        }
        statement.query((ResultSet rs) -> {
            while (rs.next()) {
                fold.accept(envelope(rs));
            }
            return Boolean.TRUE;
        });
    }

    /**
     * Every logged event of the institution in the order the projection applied it (the log's position), which is
     * the order an institution replay applies them again: the same order gives the same figures, the same
     * recalculation log and, on a second replay, the same order again.
     */
    public List<EventEnvelope> inAppliedOrder(String institutionId) {
        return jdbc.sql("select * from event_log where institution_id = ? order by position").param(institutionId)
                .query((rs, i) -> envelope(rs)).list();
    }

    public long count(String institutionId) {
        return jdbc.sql("select count(*) from event_log where institution_id = ?").param(institutionId)
                .query(Long.class).single();
    }

    public List<LoggedEvent> find(String institutionId, Collection<String> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select event_id, topic, event_type, recorded_at, acting_user, interview_id, subject, causation_id, "
                        + "payload from event_log where institution_id = :institution and event_id in (:ids) "
                        + "order by recorded_at, position")
                .param("institution", institutionId).param("ids", eventIds)
                .query((rs, i) -> logged(rs))
                .list();
    }

    /**
     * One page of the logged events among {@code eventIds} (a figure's lineage, computed on demand), oldest first:
     * the ids go as one array parameter, so a lineage of the whole institution is one statement, not one
     * parameter per id.
     */
    public List<LoggedEvent> page(String institutionId, Collection<String> eventIds, int offset, int limit) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select event_id, topic, event_type, recorded_at, acting_user, interview_id, subject, causation_id, "
                        + "payload from event_log where institution_id = ? and event_id = any(?) "
                        + "order by recorded_at, position limit ? offset ?")
                .params(institutionId, eventIds.toArray(String[]::new), limit, offset)
                .query((rs, i) -> logged(rs))
                .list();
    }

    private LoggedEvent logged(ResultSet rs) throws SQLException {
        return new LoggedEvent(rs.getString("event_id"), rs.getString("topic"), EventTypes.nameOf(rs.getString("event_type")),
                rs.getString("event_type"), rs.getTimestamp("recorded_at").toInstant(), rs.getString("acting_user"),
                rs.getString("interview_id"), rs.getString("subject"), rs.getString("causation_id"),
                reason(rs.getString("payload")));
    }

    public long count() {
        return jdbc.sql("select count(*) from event_log").query(Long.class).single();
    }

    private EventEnvelope envelope(ResultSet rs) throws SQLException {
        return envelope(rs, json);
    }

    /**
     * An event back from a row with the log's columns (event_id, event_type, topic, subject, recorded_at,
     * institution_id, acting_user, causation_id, correlation_id, interview_id, payload): the log's and the parked
     * events' rows (the correlation id so that the figures' events an institution replay or a retry writes carry it).
     */
    static EventEnvelope envelope(ResultSet rs, JsonMapper json) throws SQLException {
        String type = rs.getString("event_type");
        byte[] data = rs.getString("payload").getBytes(StandardCharsets.UTF_8);
        Class<?> contract = EventTypes.classOf(type);
        Object payload = contract == null ? null : json.readValue(data, contract);
        Timestamp recorded = rs.getTimestamp("recorded_at");
        return new EventEnvelope(rs.getString("event_id"), type, rs.getString("topic"), rs.getString("subject"),
                recorded == null ? null : recorded.toInstant(), rs.getString("institution_id"), rs.getString("acting_user"),
                rs.getString("causation_id"), rs.getString("correlation_id"), rs.getString("interview_id"), null, payload, data);
    }

    /** The institution an event belongs to: the CloudEvent extension, else the payload's own field. */
    public static String institutionOf(EventEnvelope e) {
        if (e.payload() instanceof org.ppi.contracts.PpiEvent ppi) {
            return ppi.institutionId();
        }
        return e.institutionId();
    }

    /**
     * The reason a correction, a salary change, a departure or a closure was recorded with (the event's own
     * {@code reason} field), so a lineage shows why a validated figure changed; null for events without one.
     */
    private String reason(String payload) {
        try {
            tools.jackson.databind.JsonNode reason = json.readTree(payload).path("reason");
            return reason.isString() && !reason.asString().isBlank() ? reason.asString() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    /** An event as an auditor reads it in a lineage, with the reason it was recorded for when it has one. */
    public record LoggedEvent(String eventId, String topic, String name, String type, Instant recordedAt,
                              String actingUser, String interviewId, String aggregateId, String causationId,
                              String reason) {
    }
}
