package org.ppi.platform.projection;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.ppi.contracts.money.Rational;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every change of a projected figure: old value, new value (rounded to cents) and the event that caused it. */
public class RecalculationLog {
    private final JdbcClient jdbc;
    private final BatchedWrites writes;

    public RecalculationLog(JdbcClient jdbc, BatchedWrites writes) {
        this.jdbc = jdbc;
        this.writes = writes;
    }

    /**
     * Records a change when the exact values differ (a null side means the figure appeared or disappeared).
     *
     * @param fiscalYear the budget year the figure belongs to, or null for figures not kept per year
     * @return whether anything changed
     */
    public boolean record(String institutionId, Integer fiscalYear, String kind, String key, String measure,
                          Rational before, Rational after, EventEnvelope cause, Instant effectiveAt) {
        if (Objects.equals(before, after)) {
            return false;
        }
        writes.update("insert into recalculation_log (institution_id, fiscal_year, figure_kind, figure_key, measure, old_value, "
                        + "new_value, causation_event_id, causation_type, acting_user, effective_at) values (?,?,?,?,?,?,?,?,?,?,?)",
                institutionId, fiscalYear, kind, key, measure, before == null ? null : before.toCents(),
                after == null ? null : after.toCents(), cause.id(), cause.type(), cause.actingUser(), Timestamp.from(effectiveAt));
        return true;
    }

    public PageResponse<Entry> find(String institutionId, Filter filter, Integer page, Integer size, List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, PageQuery.columns("effectiveAt", "effective_at", "id", "id",
                "figureKey", "figure_key", "fiscalYear", "fiscal_year"), "id desc");
        String where = " where institution_id = :institution"
                + (filter.fiscalYear() == null ? "" : " and fiscal_year = :year")
                + (filter.figureKind() == null ? "" : " and figure_kind = :kind")
                + (filter.figureKey() == null ? "" : " and figure_key = :key")
                + (filter.causationEventId() == null ? "" : " and causation_event_id = :cause");
        JdbcClient.StatementSpec count = bind(jdbc.sql("select count(*) from recalculation_log" + where), institutionId, filter);
        JdbcClient.StatementSpec select = bind(jdbc.sql("select * from recalculation_log" + where + query.orderAndLimit()),
                institutionId, filter);
        List<Entry> rows = select.query((rs, i) -> new Entry(rs.getLong("id"), (Integer) rs.getObject("fiscal_year"),
                rs.getString("figure_kind"), rs.getString("figure_key"), rs.getString("measure"), rs.getBigDecimal("old_value"),
                rs.getBigDecimal("new_value"), rs.getString("causation_event_id"), rs.getString("causation_type"),
                rs.getString("acting_user"), rs.getTimestamp("effective_at").toInstant())).list();
        return PageResponse.of(rows, query, count.query(Long.class).single());
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, String institutionId, Filter filter) {
        spec = spec.param("institution", institutionId);
        if (filter.fiscalYear() != null) {
            spec = spec.param("year", filter.fiscalYear());
        }
        if (filter.figureKind() != null) {
            spec = spec.param("kind", filter.figureKind());
        }
        if (filter.figureKey() != null) {
            spec = spec.param("key", filter.figureKey());
        }
        if (filter.causationEventId() != null) {
            spec = spec.param("cause", filter.causationEventId());
        }
        return spec;
    }

    public record Filter(Integer fiscalYear, String figureKind, String figureKey, String causationEventId) {
    }

    public record Entry(long id, Integer fiscalYear, String figureKind, String figureKey, String measure, BigDecimal oldValue,
                        BigDecimal newValue, String causationEventId, String causationType, String actingUser,
                        Instant effectiveAt) {
    }
}
