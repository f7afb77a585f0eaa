package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.employee.EmployeeCommands.ChangeContractedHours;
import org.ppi.survey.employee.EmployeeCommands.ChangeSalary;
import org.ppi.survey.employee.EmployeeCommands.RecordDeparture;
import org.ppi.survey.employee.EmployeeCommands.RegisterEmployee;
import org.ppi.survey.employee.EmployeeCommands.TransferEmployee;
import org.ppi.survey.employee.EmployeeQueries.EmployeeRow;
import org.ppi.survey.web.Paging;
import org.ppi.survey.web.TargetedCommands;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Employees (funcionarios) of the caller's institution. */
@RestController
@RequestMapping("/api/survey/employees")
@Tag(name = "Employees")
class EmployeeController {
    private static final String NOT_FOUND = "employee.not-found";

    private final ActorCommandGateway commands;
    private final TargetedCommands targeted;
    private final EmployeeQueries queries;

    EmployeeController(ActorCommandGateway commands, TargetedCommands targeted, EmployeeQueries queries) {
        this.commands = commands;
        this.targeted = targeted;
        this.queries = queries;
    }

    record EmployeeForm(String id, @NotBlank String centerId, @NotBlank String name, String position,
                        @NotNull BigDecimal annualCost, BigDecimal contractedHours, LocalDate effectiveFrom) {
    }

    record TransferForm(@NotBlank String toCenterId, LocalDate effectiveDate) {
    }

    record SalaryForm(@NotNull BigDecimal annualCost, @NotNull LocalDate effectiveDate, String reason) {
    }

    record ContractedHoursForm(@NotNull BigDecimal contractedHours, LocalDate effectiveDate) {
    }

    record DepartureForm(@NotNull LocalDate effectiveDate, @NotBlank String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an employee (contracted hours default to the institution's standard weekly hours)")
    Map<String, String> register(Actor actor, @Valid @RequestBody EmployeeForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new RegisterEmployee(id, actor.institutionId(), actor.userId(), form.centerId(), form.name().trim(),
                form.position(), form.annualCost(), form.contractedHours(), form.effectiveFrom()), actor);
        return Map.of("id", id);
    }

    @PostMapping("/{id}/transfer")
    @Operation(summary = "Move to another open center of the institution (effective date defaults to today)")
    void transfer(Actor actor, @PathVariable String id, @Valid @RequestBody TransferForm form) {
        send(new TransferEmployee(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.toCenterId().trim(),
                form.effectiveDate()), actor, id);
    }

    @PostMapping("/{id}/salary")
    @Operation(summary = "Change the annual cost from an effective date")
    void changeSalary(Actor actor, @PathVariable String id, @Valid @RequestBody SalaryForm form) {
        send(new ChangeSalary(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.annualCost(),
                form.effectiveDate(), form.reason()), actor, id);
    }

    @PostMapping("/{id}/contracted-hours")
    @Operation(summary = "Change contracted weekly hours (0 < h ≤ 168; effective date defaults to today)")
    void changeContractedHours(Actor actor, @PathVariable String id, @Valid @RequestBody ContractedHoursForm form) {
        send(new ChangeContractedHours(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form.contractedHours(), form.effectiveDate()), actor, id);
    }

    @PostMapping("/{id}/departure")
    @Operation(summary = "Record that the employee left; a departed employee cannot be allocated")
    void depart(Actor actor, @PathVariable String id, @Valid @RequestBody DepartureForm form) {
        send(new RecordDeparture(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.effectiveDate(),
                form.reason()), actor, id);
    }

    @GetMapping
    @Operation(summary = "Employees (paged; filters centerId, active, overAllocated, q; sort by name, position, "
            + "center, annualCost, contractedHours, allocatedHours, updatedAt)")
    PageResponse<EmployeeRow> list(Actor actor, @RequestParam(required = false) String centerId,
                                   @RequestParam(required = false) Boolean active,
                                   @RequestParam(required = false) Boolean overAllocated,
                                   @RequestParam(required = false) String q, HttpServletRequest request) {
        return queries.list(actor.institutionId(), new EmployeeQueries.Filter(centerId, active, overAllocated, q),
                Paging.of(request, EmployeeQueries.SORT, EmployeeQueries.FALLBACK));
    }

    @GetMapping("/{id}")
    EmployeeRow one(Actor actor, @PathVariable String id) {
        return queries.one(actor.institutionId(), id).orElseThrow(() -> DomainRejection.notFound(NOT_FOUND, "id", id));
    }

    private void send(Object command, Actor actor, String id) {
        targeted.send(command, actor, NOT_FOUND, id);
    }
}
