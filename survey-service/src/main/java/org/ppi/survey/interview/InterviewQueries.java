package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.web.Rows;
import org.ppi.survey.web.SqlFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Reads interview_view and interview_allocation. */
@Component
public class InterviewQueries {
    public static final Map<String, String> SORT = PageQuery.columns("date", "i.interview_date", "status", "i.status",
            "center", "c.name", "updatedAt", "i.updated_at");
    public static final String FALLBACK = "i.interview_id";

    private static final String SELECT = "select i.*, c.name as center_name, "
            + "(select count(*) from interview_allocation a where a.interview_id = i.interview_id "
            + "and a.institution_id = i.institution_id) as allocation_count, "
            + "(select coalesce(sum(a.hours), 0) from interview_allocation a where a.interview_id = i.interview_id "
            + "and a.institution_id = i.institution_id) "
            + "as allocated_hours from interview_view i "
            + "left join center_view c on c.center_id = i.center_id and c.institution_id = i.institution_id";
    private static final TypeReference<List<String>> NAMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public InterviewQueries(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public enum Status {
        OPEN, VALIDATED
    }

    /** An interview; allocations and allocatedHours count the non-zero allocations recorded in it. */
    public record InterviewRow(String id, String centerId, String centerName, LocalDate date, String interviewer,
                               List<String> participants, Status status, LocalDate validatedOn, long allocations,
                               BigDecimal allocatedHours, String lastEventId, String updatedBy, Instant updatedAt) {
    }

    public record InterviewDetail(String id, String centerId, String centerName, LocalDate date, String interviewer,
                                  List<String> participants, Status status, LocalDate validatedOn,
                                  BigDecimal allocatedHours, List<InterviewAllocation> allocations, String lastEventId,
                                  String updatedBy, Instant updatedAt, long version) {
    }

    /** The value this interview holds for an employee × product; correctionReason is set once corrected. */
    public record InterviewAllocation(String employeeId, String employeeName, String productId, String productName,
                                      BigDecimal hours, String correctionReason, String lastEventId, String updatedBy,
                                      Instant updatedAt) {
    }

    public PageResponse<InterviewRow> list(String institutionId, String centerId, Status status, PageQuery page) {
        SqlFilter where = SqlFilter.where("i.institution_id = ?", institutionId)
                .and("i.center_id = ?", centerId)
                .and("i.status = ?", status == null ? null : status.name());
        long total = jdbc.sql("select count(*) from interview_view i" + where.sql()).params(where.params())
                .query(Long.class).single();
        var rows = jdbc.sql(SELECT + where.sql() + page.orderAndLimit()).params(where.params())
                .query((rs, i) -> row(rs)).list();
        return PageResponse.of(rows, page, total);
    }

    public Optional<InterviewDetail> one(String institutionId, String interviewId) {
        return jdbc.sql(SELECT + " where i.institution_id = ? and i.interview_id = ?").params(institutionId, interviewId)
                .query((rs, i) -> row(rs)).optional()
                .map(r -> new InterviewDetail(r.id(), r.centerId(), r.centerName(), r.date(), r.interviewer(),
                        r.participants(), r.status(), r.validatedOn(), r.allocatedHours(),
                        allocations(institutionId, interviewId), r.lastEventId(), r.updatedBy(), r.updatedAt(),
                        version(institutionId, interviewId)));
    }

    /**
     * The aggregate's version (sequence number of its last event, 0 after opening), read from the event store of
     * the same service: what a client sends back as expectedVersion or If-Match to edit without losing another
     * user's change.
     */
    private long version(String institutionId, String interviewId) {
        return jdbc.sql("select coalesce(max(sequence_number), 0) from domain_event_entry where aggregate_identifier = ?")
                .param(org.ppi.platform.tenancy.ScopedId.of(institutionId, interviewId)).query(Long.class).single();
    }

    private List<InterviewAllocation> allocations(String institutionId, String interviewId) {
        return jdbc.sql("select a.*, e.name as employee_name, p.name as product_name from interview_allocation a "
                        + "left join employee_view e on e.employee_id = a.employee_id and e.institution_id = a.institution_id "
                        + "left join known_product p on p.product_id = a.product_id and p.institution_id = a.institution_id "
                        + "where a.institution_id = ? and a.interview_id = ? order by e.name, a.employee_id, p.name, a.product_id")
                .params(institutionId, interviewId)
                .query((rs, i) -> new InterviewAllocation(rs.getString("employee_id"), rs.getString("employee_name"),
                        rs.getString("product_id"), rs.getString("product_name"), rs.getBigDecimal("hours"),
                        rs.getString("correction_reason"), rs.getString("last_event_id"), rs.getString("updated_by"),
                        Rows.instant(rs, "updated_at")))
                .list();
    }

    private InterviewRow row(ResultSet rs) throws SQLException {
        String participants = rs.getString("participants");
        return new InterviewRow(rs.getString("interview_id"), rs.getString("center_id"), rs.getString("center_name"),
                Rows.date(rs, "interview_date"), rs.getString("interviewer"),
                participants == null ? List.of() : json.readValue(participants, NAMES),
                Status.valueOf(rs.getString("status")), Rows.date(rs, "validated_on"), rs.getLong("allocation_count"),
                rs.getBigDecimal("allocated_hours"), rs.getString("last_event_id"), rs.getString("updated_by"),
                Rows.instant(rs, "updated_at"));
    }
}
