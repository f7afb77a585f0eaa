package org.ppi.survey.employee;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps employee_view in the command's transaction. allocated_hours and over_allocated belong to the
 * allocation projection; a change of contracted hours re-evaluates the flag against the stored total.
 */
@Component
@ProcessingGroup("directory")
public class EmployeeProjection {
    private final JdbcClient jdbc;

    public EmployeeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmployeeRegistered e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into employee_view (employee_id, institution_id, center_id, name, position, annual_cost, "
                        + "contracted_hours, active, effective_from, allocated_hours, over_allocated, last_event_id, "
                        + "updated_by, updated_at) values (?,?,?,?,?,?,?,true,?,0,false,?,?,?)")
                .params(e.employeeId(), e.institutionId(), e.centerId(), e.name(), e.position(), e.annualCost(),
                        e.contractedHours(), e.effectiveFrom(), s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    void on(EmployeeTransferred e, EventMessage<?> m) {
        update(e.employeeId(), e.institutionId(), RowStamp.of(e, m), "center_id = ?, transferred_on = ?",
                e.toCenterId(), e.effectiveDate());
    }

    @EventHandler
    void on(EmployeeSalaryChanged e, EventMessage<?> m) {
        update(e.employeeId(), e.institutionId(), RowStamp.of(e, m), "annual_cost = ?, annual_cost_effective_from = ?",
                e.annualCost(), e.effectiveDate());
    }

    @EventHandler
    void on(EmployeeContractedHoursChanged e, EventMessage<?> m) {
        update(e.employeeId(), e.institutionId(), RowStamp.of(e, m),
                "contracted_hours = ?, contracted_hours_effective_from = ?, "
                        + "over_allocated = case when allocated_hours > ? then true else false end",
                e.contractedHours(), e.effectiveDate(), e.contractedHours());
    }

    @EventHandler
    void on(EmployeeLeft e, EventMessage<?> m) {
        update(e.employeeId(), e.institutionId(), RowStamp.of(e, m), "active = ?, left_on = ?, departure_reason = ?",
                false, e.effectiveDate(), e.reason());
    }

    private void update(String employeeId, String institutionId, RowStamp s, String assignments, Object... values) {
        List<Object> params = new ArrayList<>(Arrays.asList(values));
        params.addAll(List.of(s.eventId(), s.user(), s.at(), employeeId, institutionId));
        jdbc.sql("update employee_view set " + assignments + ", last_event_id = ?, updated_by = ?, updated_at = ? "
                        + "where employee_id = ? and institution_id = ?")
                .params(params).update();
    }
}
