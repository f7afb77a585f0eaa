package org.ppi.survey.center;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.web.Rows;
import org.ppi.survey.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads center_view with its ámbito, parent and staff figures (active employees only). */
@Component
public class CenterQueries {
    public static final Map<String, String> SORT = PageQuery.columns("name", "c.name", "area", "c.area",
            "scope", "s.name", "employees", "employees", "annualCost", "annual_cost", "updatedAt", "c.updated_at");
    public static final String FALLBACK = "c.center_id";

    private static final String STAFF = "from employee_view e where e.center_id = c.center_id "
            + "and e.institution_id = c.institution_id and e.active = true";
    private static final String SELECT = "select c.*, s.name as scope_name, p.name as parent_name, "
            + "(select count(*) " + STAFF + ") as employees, "
            + "(select coalesce(sum(e.annual_cost), 0) " + STAFF + ") as annual_cost, "
            + "(select count(*) " + STAFF + " and e.over_allocated = true) as over_allocated_employees "
            + "from center_view c "
            + "left join scope_view s on s.scope_id = c.scope_id and s.institution_id = c.institution_id "
            + "left join center_view p on p.center_id = c.parent_center_id and p.institution_id = c.institution_id";

    private final JdbcClient jdbc;

    public CenterQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A center; employees, annualCost and overAllocatedEmployees count its active staff. */
    public record CenterRow(String id, String name, String scopeId, String scopeName, CenterArea area, String function,
                            String organization, String manager, String parentCenterId, String parentName,
                            boolean closed, LocalDate closedOn, String closureReason, BigDecimal nonLabourCost,
                            String nonLabourNote, long employees, BigDecimal annualCost, long overAllocatedEmployees,
                            String lastEventId, String updatedBy, Instant updatedAt) {
    }

    public record Filter(String scopeId, CenterArea area, Boolean closed, String q) {
    }

    public PageResponse<CenterRow> list(String institutionId, Filter f, PageQuery page) {
        SqlFilter where = SqlFilter.where("c.institution_id = ?", institutionId)
                .and("c.scope_id = ?", f.scopeId())
                .and("c.area = ?", f.area() == null ? null : f.area().name())
                .and("c.closed = ?", f.closed())
                .contains(f.q(), "c.name", "c.manager");
        long total = jdbc.sql("select count(*) from center_view c" + where.sql()).params(where.params())
                .query(Long.class).single();
        var rows = jdbc.sql(SELECT + where.sql() + page.orderAndLimit()).params(where.params())
                .query((rs, i) -> row(rs)).list();
        return PageResponse.of(rows, page, total);
    }

    public Optional<CenterRow> one(String institutionId, String centerId) {
        return jdbc.sql(SELECT + " where c.institution_id = ? and c.center_id = ?").params(institutionId, centerId)
                .query((rs, i) -> row(rs)).optional();
    }

    private static CenterRow row(ResultSet rs) throws SQLException {
        return new CenterRow(rs.getString("center_id"), rs.getString("name"), rs.getString("scope_id"),
                rs.getString("scope_name"), CenterArea.valueOf(rs.getString("area")), rs.getString("function_text"),
                rs.getString("organization"), rs.getString("manager"), rs.getString("parent_center_id"),
                rs.getString("parent_name"), rs.getBoolean("closed"), Rows.date(rs, "closed_on"),
                rs.getString("closure_reason"), rs.getBigDecimal("non_labour_cost"), rs.getString("non_labour_note"),
                rs.getLong("employees"), rs.getBigDecimal("annual_cost"), rs.getLong("over_allocated_employees"),
                rs.getString("last_event_id"), rs.getString("updated_by"), Rows.instant(rs, "updated_at"));
    }
}
