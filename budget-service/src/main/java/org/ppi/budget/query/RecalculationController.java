package org.ppi.budget.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The recalculation log: every change of a budget amount, with old value, new value and the event that caused it. */
@RestController
@RequestMapping("/api/budget/recalculations")
class RecalculationController {
    private final JdbcClient jdbc;

    RecalculationController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Recalculated(long id, int fiscalYear, String figureKind, String figureKey, String measure, BigDecimal oldValue,
                        BigDecimal newValue, String causationEventId, String causationType, String actingUser,
                        Instant effectiveAt) {
    }

    @GetMapping
    PageResponse<Recalculated> list(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                                    @RequestParam(required = false) String figureKind,
                                    @RequestParam(required = false) String figureKey,
                                    @RequestParam(required = false) String causationEventId,
                                    @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) List<String> sort) {
        PageQuery query = PageQuery.of(page, size, sort, PageQuery.columns("effectiveAt", "effective_at", "id", "id",
                "figureKey", "figure_key", "fiscalYear", "fiscal_year"), "id desc");
        String where = " where institution_id = :institution"
                + (fiscalYear == null ? "" : " and fiscal_year = :year")
                + (figureKind == null ? "" : " and figure_kind = :kind")
                + (figureKey == null ? "" : " and figure_key = :key")
                + (causationEventId == null ? "" : " and causation_event_id = :cause");
        var count = jdbc.sql("select count(*) from recalculation_log" + where).param("institution", actor.institutionId());
        var select = jdbc.sql("select * from recalculation_log" + where + query.orderAndLimit())
                .param("institution", actor.institutionId());
        if (fiscalYear != null) {
            count = count.param("year", fiscalYear);
            select = select.param("year", fiscalYear);
        }
        if (figureKind != null) {
            count = count.param("kind", figureKind);
            select = select.param("kind", figureKind);
        }
        if (figureKey != null) {
            count = count.param("key", figureKey);
            select = select.param("key", figureKey);
        }
        if (causationEventId != null) {
            count = count.param("cause", causationEventId);
            select = select.param("cause", causationEventId);
        }
        List<Recalculated> rows = select.query((rs, i) -> new Recalculated(rs.getLong("id"), rs.getInt("fiscal_year"),
                rs.getString("figure_kind"),
                rs.getString("figure_key"), rs.getString("measure"), rs.getBigDecimal("old_value"),
                rs.getBigDecimal("new_value"), rs.getString("causation_event_id"), rs.getString("causation_type"),
                rs.getString("acting_user"), rs.getTimestamp("effective_at").toInstant())).list();
        return PageResponse.of(rows, query, count.query(Long.class).single());
    }
}
