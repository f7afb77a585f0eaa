package org.ppi.valuechain.program;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.program.ProgramCommands.AssignChain;
import org.ppi.valuechain.program.ProgramCommands.DefineActivity;
import org.ppi.valuechain.program.ProgramCommands.DefineProgram;
import org.ppi.valuechain.program.ProgramCommands.ReviseProgram;
import org.ppi.valuechain.program.ProgramCommands.SetPlannedVolume;
import org.ppi.valuechain.program.ProgramCommands.UnassignChain;
import org.ppi.valuechain.program.ProgramQueries.ProgramDetail;
import org.ppi.valuechain.program.ProgramQueries.ProgramRow;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The programmatic structure of the caller's institution: programs, activities, chains and planned volumes. */
@RestController
@RequestMapping("/api/valuechain/programs")
class ProgramController {
    private final ActorCommandGateway commands;
    private final ProgramQueries queries;

    ProgramController(ActorCommandGateway commands, ProgramQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    record ProgramForm(String id, @NotBlank @Size(max = 50) String code, @NotBlank @Size(max = 300) String name,
                       @Size(max = 4000) String expectedResult) {
    }

    record ActivityForm(String id, @NotBlank @Size(max = 300) String name, @NotNull ActivityKind kind, String productId) {
    }

    record PlannedVolumeForm(@NotBlank String productId, @NotNull Integer fiscalYear, @NotNull BigDecimal plannedVolume) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> define(Actor actor, @Valid @RequestBody ProgramForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new DefineProgram(id, actor.institutionId(), actor.userId(), form.code().trim(), form.name().trim(),
                form.expectedResult()), actor);
        return Map.of("id", id);
    }

    @PutMapping("/{id}")
    void revise(Actor actor, @PathVariable String id, @Valid @RequestBody ProgramForm form) {
        commands.send(new ReviseProgram(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.code().trim(),
                form.name().trim(), form.expectedResult()), actor);
    }

    @PostMapping("/{id}/activities")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> defineActivity(Actor actor, @PathVariable String id, @Valid @RequestBody ActivityForm form) {
        String activityId = Ids.orNew(form.id(), "id");
        commands.send(new DefineActivity(Ids.require(id, "id"), actor.institutionId(), actor.userId(), activityId,
                form.name().trim(), form.kind(), form.productId()), actor);
        return Map.of("id", activityId);
    }

    @PutMapping("/{id}/chains/{chainId}")
    void assignChain(Actor actor, @PathVariable String id, @PathVariable String chainId) {
        commands.send(new AssignChain(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                Ids.require(chainId, "chainId")), actor);
    }

    @DeleteMapping("/{id}/chains/{chainId}")
    void unassignChain(Actor actor, @PathVariable String id, @PathVariable String chainId) {
        commands.send(new UnassignChain(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                Ids.require(chainId, "chainId")), actor);
    }

    @PutMapping("/{id}/planned-volumes")
    void setPlannedVolume(Actor actor, @PathVariable String id, @Valid @RequestBody PlannedVolumeForm form) {
        commands.send(new SetPlannedVolume(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.productId(),
                form.fiscalYear(), form.plannedVolume()), actor);
    }

    @GetMapping
    PageResponse<ProgramRow> programs(Actor actor, @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size,
                                      @RequestParam(required = false) List<String> sort) {
        return queries.programs(actor.institutionId(), PageQuery.of(page, size, sort, ProgramQueries.SORT,
                "p.code, p.program_id"));
    }

    @GetMapping("/{id}")
    ProgramDetail program(Actor actor, @PathVariable String id) {
        return queries.program(actor.institutionId(), id).orElseThrow(() -> TenantGuard.notFound(id));
    }
}
