package org.ppi.survey.institution;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.survey.institution.InstitutionCommands.ChooseCostingMethod;
import org.ppi.survey.institution.InstitutionCommands.DefineScope;
import org.ppi.survey.institution.InstitutionCommands.RegisterInstitution;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's institution (the tenant named by the X-Institution-Id header) and its ámbitos. */
@RestController
@RequestMapping("/api/survey")
class InstitutionController {
    private final ActorCommandGateway commands;

    InstitutionController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record InstitutionForm(@NotBlank String name, String country, @NotBlank String currency, @NotNull Integer fiscalYear,
                           BigDecimal weeklyHours, CostingMethod costingMethod) {
    }

    record CostingMethodForm(@NotNull CostingMethod costingMethod) {
    }

    record ScopeForm(String id, @NotBlank String name) {
    }

    @PostMapping("/institution")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(Actor actor, @Valid @RequestBody InstitutionForm form) {
        commands.send(new RegisterInstitution(actor.institutionId(), actor.userId(), form.name().trim(), form.country(),
                form.currency().trim().toUpperCase(), form.fiscalYear(), form.weeklyHours(), form.costingMethod()), actor);
        return Map.of("id", actor.institutionId());
    }

    @PutMapping("/institution/costing-method")
    void chooseCostingMethod(Actor actor, @Valid @RequestBody CostingMethodForm form) {
        commands.send(new ChooseCostingMethod(actor.institutionId(), actor.userId(), form.costingMethod()), actor);
    }

    @PostMapping("/scopes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> defineScope(Actor actor, @Valid @RequestBody ScopeForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new DefineScope(actor.institutionId(), actor.userId(), id, form.name().trim()), actor);
        return Map.of("id", id);
    }
}
