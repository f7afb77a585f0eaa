package org.ppi.valuechain.plan;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.plan.PlanCommands.DefineImpact;
import org.ppi.valuechain.plan.PlanCommands.DefineResult;
import org.ppi.valuechain.plan.PlanQueries.ImpactRow;
import org.ppi.valuechain.plan.PlanQueries.ResultRow;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Impacts and results of the caller's strategic plan. */
@RestController
@RequestMapping("/api/valuechain")
class PlanController {
    private final ActorCommandGateway commands;
    private final PlanQueries queries;

    PlanController(ActorCommandGateway commands, PlanQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record ImpactForm(String id, @NotBlank @Size(max = 300) String name, @Size(max = 4000) String description,
                      @Size(max = 1000) String indicator) {
    }

    record ResultForm(String id, @NotBlank String impactId, @NotBlank @Size(max = 300) String name,
                      @Size(max = 4000) String description, @Size(max = 1000) String indicator) {
    }

    @PostMapping("/impacts")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> defineImpact(Actor actor, @Valid @RequestBody ImpactForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new DefineImpact(id, actor.institutionId(), actor.userId(), form.name().trim(), form.description(),
                form.indicator()), actor);
        return Map.of("id", id);
    }

    @PostMapping("/results")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> defineResult(Actor actor, @Valid @RequestBody ResultForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new DefineResult(id, actor.institutionId(), actor.userId(), form.impactId(), form.name().trim(),
                form.description(), form.indicator()), actor);
        return Map.of("id", id);
    }

    @GetMapping("/impacts")
    PageResponse<ImpactRow> impacts(Actor actor, @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) List<String> sort) {
        return queries.impacts(actor.institutionId(),
                PageQuery.of(page, size, sort, PlanQueries.IMPACT_SORT, "name, impact_id"));
    }

    @GetMapping("/impacts/{id}")
    ImpactRow impact(Actor actor, @PathVariable String id) {
        return queries.impact(actor.institutionId(), id).orElseThrow(() -> TenantGuard.notFound(id));
    }

    @GetMapping("/results")
    PageResponse<ResultRow> results(Actor actor, @RequestParam(required = false) String impactId,
                                    @RequestParam(required = false) Integer page,
                                    @RequestParam(required = false) Integer size,
                                    @RequestParam(required = false) List<String> sort) {
        return queries.results(actor.institutionId(), impactId,
                PageQuery.of(page, size, sort, PlanQueries.RESULT_SORT, "name, result_id"));
    }

    @GetMapping("/results/{id}")
    ResultRow result(Actor actor, @PathVariable String id) {
        return queries.result(actor.institutionId(), id).orElseThrow(() -> TenantGuard.notFound(id));
    }
}
