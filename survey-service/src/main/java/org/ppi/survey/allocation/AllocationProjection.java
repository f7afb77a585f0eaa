package org.ppi.survey.allocation;

import java.math.BigDecimal;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps, in the command's transaction: interview_allocation (each interview's own values), allocation_view
 * (the current value per employee × product: the latest recorded one wins, 0 removes it) and the employee's
 * allocated total and over-allocation flag. A total above contracted hours is accepted and flagged here.
 */
@Component
@ProcessingGroup("directory")
public class AllocationProjection {
    private final JdbcClient jdbc;

    public AllocationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TimeAllocated e, EventMessage<?> m) {
        record(new Change(e.institutionId(), e.interviewId(), e.centerId(), e.employeeId(), e.productId(), e.hours(),
                null), RowStamp.of(e, m));
    }

    @EventHandler
    void on(AllocationCorrected e, EventMessage<?> m) {
        record(new Change(e.institutionId(), e.interviewId(), e.centerId(), e.employeeId(), e.productId(), e.hours(),
                e.reason()), RowStamp.of(e, m));
    }

    private record Change(String institutionId, String interviewId, String centerId, String employeeId,
                          String productId, BigDecimal hours, String reason) {
        boolean removes() {
            return hours.signum() == 0;
        }
    }

    private void record(Change c, RowStamp s) {
        // Interviews of one employee may change concurrently: the employee row lock serialises the total.
        jdbc.sql("select employee_id from employee_view where employee_id = ? and institution_id = ? for update")
                .params(c.employeeId(), c.institutionId()).query(String.class).list();
        jdbc.sql("delete from interview_allocation where interview_id = ? and employee_id = ? and product_id = ? "
                        + "and institution_id = ?")
                .params(c.interviewId(), c.employeeId(), c.productId(), c.institutionId()).update();
        jdbc.sql("delete from allocation_view where employee_id = ? and product_id = ? and institution_id = ?")
                .params(c.employeeId(), c.productId(), c.institutionId()).update();
        if (!c.removes()) {
            insert("interview_allocation", c, s);
            insert("allocation_view", c, s);
        }
        BigDecimal total = jdbc.sql("select coalesce(sum(hours), 0) from allocation_view "
                        + "where employee_id = ? and institution_id = ?")
                .params(c.employeeId(), c.institutionId()).query(BigDecimal.class).single();
        jdbc.sql("update employee_view set allocated_hours = ?, "
                        + "over_allocated = case when contracted_hours < ? then true else false end, "
                        + "last_event_id = ?, updated_by = ?, updated_at = ? where employee_id = ? and institution_id = ?")
                .params(total, total, s.eventId(), s.user(), s.at(), c.employeeId(), c.institutionId()).update();
        jdbc.sql("update interview_view set last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where interview_id = ? and institution_id = ?")
                .params(s.eventId(), s.user(), s.at(), c.interviewId(), c.institutionId()).update();
    }

    private void insert(String table, Change c, RowStamp s) {
        jdbc.sql("insert into " + table + " (interview_id, employee_id, product_id, institution_id, center_id, hours, "
                        + "correction_reason, last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?,?,?)")
                .params(c.interviewId(), c.employeeId(), c.productId(), c.institutionId(), c.centerId(), c.hours(),
                        c.reason(), s.eventId(), s.user(), s.at())
                .update();
    }
}
