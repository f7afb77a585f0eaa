package org.ppi.budget.projection;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.function.Consumer;

import org.ppi.budget.state.BudgetState;
import org.ppi.contracts.EventTypes;
import org.ppi.platform.inbox.EventEnvelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Folds an institution's logged events into a {@link BudgetState}, in the order they were applied (the event
 * log's position), not by recording time: a costing event is stamped with the recording time of its cause,
 * which costing may have received late, so two snapshots of the same figure can carry times out of order.
 * The applied order is the order of the figure's partition, so the live projection, a rebuild after restart
 * and an as-of answer all see the same last snapshot.
 */
@Component
public class BudgetHistory {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public BudgetHistory(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The institution's state from its events recorded up to {@code until} (null: all of them). */
    public BudgetState fold(String institutionId, Instant until) {
        BudgetState state = new BudgetState(institutionId);
        replay(institutionId, until, state::apply);
        return state;
    }

    public void replay(String institutionId, Instant until, Consumer<EventEnvelope> fold) {
        String sql = "select * from event_log where institution_id = ?"
                + (until == null ? "" : " and recorded_at <= ?") + " order by position";
        var statement = jdbc.sql(sql).param(institutionId);
        if (until != null) {
            statement = statement.param(Timestamp.from(until));
        }
        statement.query((ResultSet rs) -> {
            while (rs.next()) {
                String type = rs.getString("event_type");
                byte[] data = rs.getString("payload").getBytes(StandardCharsets.UTF_8);
                Class<?> contract = EventTypes.classOf(type);
                Object payload = contract == null ? null : json.readValue(data, contract);
                fold.accept(new EventEnvelope(rs.getString("event_id"), type, rs.getString("topic"),
                        rs.getString("subject"), rs.getTimestamp("recorded_at").toInstant(),
                        rs.getString("institution_id"), rs.getString("acting_user"), rs.getString("causation_id"), null,
                        rs.getString("interview_id"), null, payload, data));
            }
            return Boolean.TRUE;
        });
    }
}
