package org.ppi.survey.employee;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Keeps employee_view in the command's transaction. */
@Component
@ProcessingGroup("directory")
class EmployeeProjection {
    private final JdbcClient jdbc;

    EmployeeProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EmployeeRegistered e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into employee_view (employee_id, institution_id, center_id, name, position, annual_cost, "
                        + "contracted_hours, active, last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,true,?,?,?)")
                .params(e.employeeId(), e.institutionId(), e.centerId(), e.name(), e.position(), e.annualCost(),
                        e.contractedHours(), s.eventId(), s.user(), s.at())
                .update();
    }
}
