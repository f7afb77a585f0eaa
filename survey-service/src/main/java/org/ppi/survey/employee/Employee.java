package org.ppi.survey.employee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.platform.web.DomainRejection;
import org.ppi.survey.directory.SurveyDirectory;
import org.ppi.survey.employee.EmployeeCommands.RegisterEmployee;

/** A funcionario of a center: annual cost (payroll plus employer contributions) and contracted weekly hours. */
@Aggregate
public class Employee {
    static final BigDecimal MAX_WEEK = BigDecimal.valueOf(168);

    @AggregateIdentifier
    private String employeeId;
    private String institutionId;

    protected Employee() {
    }

    @CommandHandler
    public Employee(RegisterEmployee cmd, SurveyDirectory directory) {
        var center = directory.center(cmd.institutionId(), cmd.centerId())
                .orElseThrow(() -> DomainRejection.unprocessable("center.not-found", "centerId", cmd.centerId()));
        if (center.closed()) {
            throw DomainRejection.unprocessable("center.closed", "centerId", cmd.centerId());
        }
        if (cmd.annualCost() == null || cmd.annualCost().signum() < 0) {
            throw DomainRejection.badRequest("employee.annual-cost", "annualCost");
        }
        BigDecimal hours = cmd.contractedHours() == null ? BigDecimal.valueOf(40) : cmd.contractedHours();
        if (hours.signum() <= 0 || hours.compareTo(MAX_WEEK) > 0) {
            throw DomainRejection.badRequest("employee.contracted-hours", "contractedHours");
        }
        apply(new EmployeeRegistered(cmd.institutionId(), cmd.actingUser(), cmd.employeeId(), cmd.centerId(), cmd.name(),
                cmd.position(), cmd.annualCost(), hours,
                cmd.effectiveFrom() == null ? LocalDate.now() : cmd.effectiveFrom()));
    }

    @EventSourcingHandler
    void on(EmployeeRegistered e) {
        employeeId = e.employeeId();
        institutionId = e.institutionId();
    }
}
