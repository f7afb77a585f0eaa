package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.web.Rows;
import org.ppi.survey.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads employee_view with the center's name. */
@Component
public class EmployeeQueries {
    public static final Map<String, String> SORT = PageQuery.columns("name", "e.name", "position", "e.position",
            "center", "c.name", "annualCost", "e.annual_cost", "contractedHours", "e.contracted_hours",
            "allocatedHours", "e.allocated_hours", "updatedAt", "e.updated_at");
    public static final String FALLBACK = "e.employee_id";

    private static final String FROM = " from employee_view e left join center_view c "
            + "on c.center_id = e.center_id and c.institution_id = e.institution_id";

    private final JdbcClient jdbc;

    public EmployeeQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * An employee. allocatedHours = Σ current weekly hours over all products; unallocatedHours = contracted −
     * allocated, negative when the employee is over-allocated (then overAllocated is true).
     */
    public record EmployeeRow(String id, String centerId, String centerName, String name, String position,
                              BigDecimal annualCost, BigDecimal contractedHours, BigDecimal allocatedHours,
                              BigDecimal unallocatedHours, boolean overAllocated, boolean active,
                              LocalDate effectiveFrom, LocalDate transferredOn, LocalDate annualCostEffectiveFrom,
                              LocalDate contractedHoursEffectiveFrom, LocalDate leftOn, String departureReason,
                              String lastEventId, String updatedBy, Instant updatedAt) {
    }

    public record Filter(String centerId, Boolean active, Boolean overAllocated, String q) {
    }

    public PageResponse<EmployeeRow> list(String institutionId, Filter f, PageQuery page) {
        SqlFilter where = SqlFilter.where("e.institution_id = ?", institutionId)
                .and("e.center_id = ?", f.centerId())
                .and("e.active = ?", f.active())
                .and("e.over_allocated = ?", f.overAllocated())
                .contains(f.q(), "e.name", "e.position");
        long total = jdbc.sql("select count(*) from employee_view e" + where.sql()).params(where.params())
                .query(Long.class).single();
        var rows = jdbc.sql("select e.*, c.name as center_name" + FROM + where.sql() + page.orderAndLimit())
                .params(where.params()).query((rs, i) -> row(rs)).list();
        return PageResponse.of(rows, page, total);
    }

    public Optional<EmployeeRow> one(String institutionId, String employeeId) {
        return jdbc.sql("select e.*, c.name as center_name" + FROM + " where e.institution_id = ? and e.employee_id = ?")
                .params(institutionId, employeeId).query((rs, i) -> row(rs)).optional();
    }

    private static EmployeeRow row(ResultSet rs) throws SQLException {
        BigDecimal contracted = rs.getBigDecimal("contracted_hours");
        BigDecimal allocated = rs.getBigDecimal("allocated_hours");
        return new EmployeeRow(rs.getString("employee_id"), rs.getString("center_id"), rs.getString("center_name"),
                rs.getString("name"), rs.getString("position"), rs.getBigDecimal("annual_cost"), contracted, allocated,
                contracted.subtract(allocated), rs.getBoolean("over_allocated"), rs.getBoolean("active"),
                Rows.date(rs, "effective_from"), Rows.date(rs, "transferred_on"),
                Rows.date(rs, "annual_cost_effective_from"), Rows.date(rs, "contracted_hours_effective_from"),
                Rows.date(rs, "left_on"), rs.getString("departure_reason"), rs.getString("last_event_id"),
                rs.getString("updated_by"), Rows.instant(rs, "updated_at"));
    }
}
