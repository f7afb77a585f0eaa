package org.ppi.survey.employee;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.survey.employee.EmployeeCommands.RegisterEmployee;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Employees (funcionarios) of the caller's institution. */
@RestController
@RequestMapping("/api/survey/employees")
class EmployeeController {
    private final ActorCommandGateway commands;

    EmployeeController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record EmployeeForm(String id, @NotBlank String centerId, @NotBlank String name, String position,
                        @NotNull BigDecimal annualCost, BigDecimal contractedHours, LocalDate effectiveFrom) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(Actor actor, @Valid @RequestBody EmployeeForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new RegisterEmployee(id, actor.institutionId(), actor.userId(), form.centerId(), form.name().trim(),
                form.position(), form.annualCost(), form.contractedHours(), form.effectiveFrom()), actor);
        return Map.of("id", id);
    }
}
