package org.ppi.survey.allocation;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.web.Rows;
import org.ppi.survey.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads allocation_view with employee, center and product (from the catalog replica) names. */
@Component
public class AllocationQueries {
    public static final Map<String, String> SORT = PageQuery.columns("employee", "e.name", "product", "p.name",
            "center", "c.name", "hours", "a.hours", "updatedAt", "a.updated_at");
    public static final String FALLBACK = "a.employee_id, a.product_id";

    private final JdbcClient jdbc;

    public AllocationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The current weekly hours of an employee on a product; interviewId names the interview holding that value,
     * correctionReason is set when it came from a correction.
     */
    public record AllocationRow(String employeeId, String employeeName, String productId, String productName,
                                String centerId, String centerName, String interviewId, BigDecimal hours,
                                String correctionReason, String lastEventId, String updatedBy, Instant updatedAt) {
    }

    public record Filter(String centerId, String employeeId, String productId, String interviewId) {
    }

    public PageResponse<AllocationRow> list(String institutionId, Filter f, PageQuery page) {
        SqlFilter where = SqlFilter.where("a.institution_id = ?", institutionId)
                .and("a.center_id = ?", f.centerId())
                .and("a.employee_id = ?", f.employeeId())
                .and("a.product_id = ?", f.productId())
                .and("a.interview_id = ?", f.interviewId());
        long total = jdbc.sql("select count(*) from allocation_view a" + where.sql()).params(where.params())
                .query(Long.class).single();
        var rows = jdbc.sql("select a.*, e.name as employee_name, p.name as product_name, c.name as center_name "
                        + "from allocation_view a "
                        + "left join employee_view e on e.employee_id = a.employee_id and e.institution_id = a.institution_id "
                        + "left join known_product p on p.product_id = a.product_id and p.institution_id = a.institution_id "
                        + "left join center_view c on c.center_id = a.center_id and c.institution_id = a.institution_id"
                        + where.sql() + page.orderAndLimit())
                .params(where.params())
                .query((rs, i) -> new AllocationRow(rs.getString("employee_id"), rs.getString("employee_name"),
                        rs.getString("product_id"), rs.getString("product_name"), rs.getString("center_id"),
                        rs.getString("center_name"), rs.getString("interview_id"), rs.getBigDecimal("hours"),
                        rs.getString("correction_reason"), rs.getString("last_event_id"), rs.getString("updated_by"),
                        Rows.instant(rs, "updated_at")))
                .list();
        return PageResponse.of(rows, page, total);
    }
}
