package org.ppi.survey.institution;

import java.math.BigDecimal;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.institution.InstitutionCommands.ChooseCostingMethod;
import org.ppi.survey.institution.InstitutionCommands.DefineScope;
import org.ppi.survey.institution.InstitutionCommands.RegisterInstitution;
import org.ppi.survey.institution.InstitutionCommands.RenameScope;
import org.ppi.survey.institution.InstitutionCommands.ReviseInstitutionDetails;
import org.ppi.survey.institution.InstitutionQueries.InstitutionRow;
import org.ppi.survey.institution.InstitutionQueries.ScopeRow;
import org.ppi.survey.web.Paging;
import org.ppi.survey.web.TargetedCommands;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Institutions (registered by the platform administrator), the caller's institution (from his token) and its ámbitos. */
@RestController
@RequestMapping("/api/survey")
@Tag(name = "Institution and ámbitos")
class InstitutionController {
    private final ActorCommandGateway commands;
    private final TargetedCommands targeted;
    private final InstitutionQueries queries;

    InstitutionController(ActorCommandGateway commands, TargetedCommands targeted, InstitutionQueries queries) {
        this.commands = commands;
        this.targeted = targeted;
        this.queries = queries;
    }

    record InstitutionForm(@NotBlank String id, @NotBlank String name, String country, @NotBlank String currency, @NotNull Integer fiscalYear,
                           BigDecimal weeklyHours, CostingMethod costingMethod, Integer fiscalYearStartMonth) {
    }

    record DetailsForm(@NotBlank String name, String country, @NotBlank String currency, @NotNull Integer fiscalYear,
                       BigDecimal weeklyHours, Integer fiscalYearStartMonth) {
    }

    record CostingMethodForm(@NotNull CostingMethod costingMethod) {
    }

    record ScopeForm(String id, @NotBlank String name) {
    }

    record ScopeNameForm(@NotBlank String name) {
    }

    @PostMapping("/institutions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register an institution (platform administrator); its users then act in it through their tokens")
    Map<String, String> register(Actor actor, @Valid @RequestBody InstitutionForm form) {
        String id = Ids.require(form.id(), "id");
        // The events belong to the new institution (tenant), recorded as done by the platform administrator.
        commands.send(new RegisterInstitution(id, actor.userId(), form.name().trim(), form.country(),
                form.currency().trim().toUpperCase(), form.fiscalYear(), form.weeklyHours(), form.costingMethod(),
                form.fiscalYearStartMonth()),
                actor.forInstitution(id));
        return Map.of("id", id);
    }

    @PutMapping("/institution")
    @Operation(summary = "Revise name, country, currency, fiscal year and standard weekly hours")
    void revise(Actor actor, @Valid @RequestBody DetailsForm form) {
        targeted.send(new ReviseInstitutionDetails(actor.institutionId(), actor.userId(), form.name().trim(),
                        form.country(), form.currency().trim().toUpperCase(), form.fiscalYear(), form.weeklyHours(),
                        form.fiscalYearStartMonth()),
                actor, "institution.not-found", actor.institutionId());
    }

    @GetMapping("/institution")
    InstitutionRow institution(Actor actor) {
        return queries.institution(actor.institutionId()).orElseThrow(
                () -> DomainRejection.notFound("institution.not-found", null, actor.institutionId()));
    }

    @PutMapping("/institution/costing-method")
    void chooseCostingMethod(Actor actor, @Valid @RequestBody CostingMethodForm form) {
        targeted.send(new ChooseCostingMethod(actor.institutionId(), actor.userId(), form.costingMethod()), actor,
                "institution.not-found", actor.institutionId());
    }

    @PostMapping("/scopes")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> defineScope(Actor actor, @Valid @RequestBody ScopeForm form) {
        String id = Ids.orNew(form.id(), "id");
        targeted.send(new DefineScope(actor.institutionId(), actor.userId(), id, form.name().trim()), actor,
                "institution.not-found", actor.institutionId());
        return Map.of("id", id);
    }

    @PutMapping("/scopes/{id}")
    @Operation(summary = "Rename an ámbito")
    void renameScope(Actor actor, @PathVariable String id, @Valid @RequestBody ScopeNameForm form) {
        targeted.send(new RenameScope(actor.institutionId(), actor.userId(), Ids.require(id, "id"), form.name().trim()),
                actor, "institution.not-found", actor.institutionId());
    }

    @GetMapping("/scopes")
    @Operation(summary = "Ámbitos of the institution (paged; sort by name, centers, updatedAt)")
    PageResponse<ScopeRow> scopes(Actor actor, @RequestParam(required = false) String q, HttpServletRequest request) {
        return queries.scopes(actor.institutionId(), q,
                Paging.of(request, InstitutionQueries.SCOPE_SORT, InstitutionQueries.SCOPE_FALLBACK));
    }

    @GetMapping("/scopes/{id}")
    ScopeRow scope(Actor actor, @PathVariable String id) {
        return queries.scope(actor.institutionId(), id)
                .orElseThrow(() -> DomainRejection.notFound("scope.not-found", "id", id));
    }
}
