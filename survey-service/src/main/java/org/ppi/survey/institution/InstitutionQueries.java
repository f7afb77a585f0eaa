package org.ppi.survey.institution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.web.Rows;
import org.ppi.survey.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads institution_view and scope_view, always within one institution. */
@Component
public class InstitutionQueries {
    public static final java.util.Map<String, String> SCOPE_SORT = PageQuery.columns(
            "name", "s.name", "centers", "centers", "updatedAt", "s.updated_at");
    public static final String SCOPE_FALLBACK = "s.scope_id";

    private static final String SCOPE_SELECT = "select s.scope_id, s.name, s.last_event_id, s.updated_by, s.updated_at, "
            + "(select count(*) from center_view c where c.scope_id = s.scope_id and c.institution_id = s.institution_id "
            + "and c.closed = false) as centers from scope_view s";

    private final JdbcClient jdbc;

    public InstitutionQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record InstitutionRow(String id, String name, String country, String currency, int fiscalYear,
                                 BigDecimal weeklyHours, String costingMethod, String lastEventId, String updatedBy,
                                 Instant updatedAt, int fiscalYearStartMonth) {
    }

    /** An ámbito with the number of its open centers. */
    public record ScopeRow(String id, String name, long centers, String lastEventId, String updatedBy,
                           Instant updatedAt) {
    }

    public Optional<InstitutionRow> institution(String institutionId) {
        return jdbc.sql("select * from institution_view where institution_id = ?").param(institutionId)
                .query((rs, i) -> new InstitutionRow(rs.getString("institution_id"), rs.getString("name"),
                        rs.getString("country"), rs.getString("currency"), rs.getInt("fiscal_year"),
                        rs.getBigDecimal("weekly_hours"), rs.getString("costing_method"), rs.getString("last_event_id"),
                        rs.getString("updated_by"), Rows.instant(rs, "updated_at"), rs.getInt("fiscal_year_start_month")))
                .optional();
    }

    public PageResponse<ScopeRow> scopes(String institutionId, String q, PageQuery page) {
        SqlFilter filter = SqlFilter.where("s.institution_id = ?", institutionId).contains(q, "s.name");
        long total = jdbc.sql("select count(*) from scope_view s" + filter.sql()).params(filter.params())
                .query(Long.class).single();
        var rows = jdbc.sql(SCOPE_SELECT + filter.sql() + page.orderAndLimit()).params(filter.params())
                .query((rs, i) -> scope(rs)).list();
        return PageResponse.of(rows, page, total);
    }

    public Optional<ScopeRow> scope(String institutionId, String scopeId) {
        return jdbc.sql(SCOPE_SELECT + " where s.institution_id = ? and s.scope_id = ?").params(institutionId, scopeId)
                .query((rs, i) -> scope(rs)).optional();
    }

    private static ScopeRow scope(ResultSet rs) throws SQLException {
        return new ScopeRow(rs.getString("scope_id"), rs.getString("name"), rs.getLong("centers"),
                rs.getString("last_event_id"), rs.getString("updated_by"), Rows.instant(rs, "updated_at"));
    }
}
