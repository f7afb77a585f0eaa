package org.ppi.survey.employee;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Numbers;
import org.ppi.survey.directory.SurveyDirectory;
import org.ppi.survey.directory.SurveyDirectory.InstitutionFacts;
import org.ppi.survey.employee.EmployeeCommands.ChangeContractedHours;
import org.ppi.survey.employee.EmployeeCommands.ChangeSalary;
import org.ppi.survey.employee.EmployeeCommands.RecordDeparture;
import org.ppi.survey.employee.EmployeeCommands.RegisterEmployee;
import org.ppi.survey.employee.EmployeeCommands.TransferEmployee;

/** A funcionario of a center: annual cost (payroll plus employer contributions) and contracted weekly hours. */
@Aggregate
public class Employee {
    static final BigDecimal MAX_WEEK = BigDecimal.valueOf(168);
    private static final BigDecimal FALLBACK_WEEK = BigDecimal.valueOf(40);

    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String employeeId;
    private String institutionId;
    private String centerId;
    private BigDecimal contractedHours;
    private boolean left;
    private LocalDate lastDay;

    protected Employee() {
    }

    @CommandHandler
    public Employee(RegisterEmployee cmd, SurveyDirectory directory) {
        if (cmd.name() == null || cmd.name().isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", "name", "name");
        }
        requireAnnualCost(cmd.annualCost());
        if (cmd.contractedHours() != null) {
            requireContractedHours(cmd.contractedHours());
        }
        requireOpenCenter(cmd.institutionId(), cmd.centerId(), directory);
        BigDecimal hours = cmd.contractedHours() != null ? cmd.contractedHours()
                : directory.institution(cmd.institutionId()).map(InstitutionFacts::weeklyHours).orElse(FALLBACK_WEEK);
        apply(new EmployeeRegistered(cmd.institutionId(), cmd.actingUser(), cmd.employeeId(), cmd.centerId(), cmd.name(),
                cmd.position(), cmd.annualCost(), hours, cmd.effectiveFrom()));
    }

    @CommandHandler
    public void handle(TransferEmployee cmd, SurveyDirectory directory) {
        requireCurrentOwnEmployee(cmd.institutionId());
        if (cmd.toCenterId() == null || cmd.toCenterId().isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", "toCenterId", "toCenterId");
        }
        if (cmd.toCenterId().equals(centerId)) {
            throw DomainRejection.conflict("employee.already-in-center", "toCenterId", employeeId, centerId);
        }
        requireOpenCenter(institutionId, cmd.toCenterId(), directory);
        apply(new EmployeeTransferred(institutionId, cmd.actingUser(), employeeId, centerId, cmd.toCenterId(),
                cmd.effectiveDate() == null ? LocalDate.now() : cmd.effectiveDate()));
    }

    @CommandHandler
    public void handle(ChangeSalary cmd) {
        requireCurrentOwnEmployee(cmd.institutionId());
        requireAnnualCost(cmd.annualCost());
        requireEffectiveDate(cmd.effectiveDate());
        apply(new EmployeeSalaryChanged(institutionId, cmd.actingUser(), employeeId, cmd.annualCost(),
                cmd.effectiveDate(), cmd.reason()));
    }

    @CommandHandler
    public void handle(ChangeContractedHours cmd) {
        requireCurrentOwnEmployee(cmd.institutionId());
        requireContractedHours(cmd.contractedHours());
        if (cmd.contractedHours().compareTo(contractedHours) != 0) {
            apply(new EmployeeContractedHoursChanged(institutionId, cmd.actingUser(), employeeId, cmd.contractedHours(),
                    cmd.effectiveDate() == null ? LocalDate.now() : cmd.effectiveDate()));
        }
    }

    /**
     * Records the last day worked. Recorded again for a departed employee, it corrects the date (the latest
     * recording wins: events are never edited).
     */
    @CommandHandler
    public void handle(RecordDeparture cmd) {
        requireOwnEmployee(cmd.institutionId());
        requireEffectiveDate(cmd.effectiveDate());
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw DomainRejection.badRequest("employee.departure-reason-required", "reason");
        }
        if (left && cmd.effectiveDate().equals(lastDay)) {
            return;
        }
        apply(new EmployeeLeft(institutionId, cmd.actingUser(), employeeId, cmd.effectiveDate(), cmd.reason().trim()));
    }

    private static void requireOpenCenter(String institutionId, String centerId, SurveyDirectory directory) {
        var center = directory.center(institutionId, centerId)
                .orElseThrow(() -> DomainRejection.unprocessable("center.not-found", "centerId", centerId));
        if (center.closed()) {
            throw DomainRejection.unprocessable("center.closed", "centerId", centerId);
        }
    }

    private static void requireAnnualCost(BigDecimal annualCost) {
        Numbers.money(annualCost, "annualCost");
        if (annualCost == null || annualCost.signum() < 0) {
            throw DomainRejection.badRequest("employee.annual-cost", "annualCost");
        }
    }

    private static void requireContractedHours(BigDecimal hours) {
        Numbers.hours(hours, "contractedHours");
        if (hours == null || hours.signum() <= 0 || hours.compareTo(MAX_WEEK) > 0) {
            throw DomainRejection.badRequest("employee.contracted-hours", "contractedHours");
        }
    }

    private static void requireEffectiveDate(LocalDate date) {
        if (date == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "effectiveDate", "effectiveDate");
        }
    }

    /** Another institution's employee answers exactly like a missing one; a departed one takes no changes. */
    private void requireCurrentOwnEmployee(String requester) {
        requireOwnEmployee(requester);
        if (left) {
            throw DomainRejection.conflict("employee.left", "id", employeeId);
        }
    }

    private void requireOwnEmployee(String requester) {
        if (institutionId == null || !institutionId.equals(requester)) {
            throw DomainRejection.notFound("employee.not-found", "id", employeeId);
        }
    }

    @EventSourcingHandler
    void on(EmployeeRegistered e) {
        aggregateId = ScopedId.of(e.institutionId(), e.employeeId());
        employeeId = e.employeeId();
        institutionId = e.institutionId();
        centerId = e.centerId();
        contractedHours = e.contractedHours();
    }

    @EventSourcingHandler
    void on(EmployeeTransferred e) {
        centerId = e.toCenterId();
    }

    @EventSourcingHandler
    void on(EmployeeContractedHoursChanged e) {
        contractedHours = e.contractedHours();
    }

    @EventSourcingHandler
    void on(EmployeeLeft e) {
        left = true;
        lastDay = e.effectiveDate();
    }
}
