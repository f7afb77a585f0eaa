package org.ppi.survey.center;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.center.CenterCommands.CloseCenter;
import org.ppi.survey.center.CenterCommands.MoveCenter;
import org.ppi.survey.center.CenterCommands.RecordNonLabourCost;
import org.ppi.survey.center.CenterCommands.RegisterCenter;
import org.ppi.survey.center.CenterCommands.RenameCenter;
import org.ppi.survey.center.CenterCommands.ReviseCenterProfile;
import org.ppi.survey.center.CenterQueries.CenterRow;
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

/** Production centers of the caller's institution. */
@RestController
@RequestMapping("/api/survey/centers")
@Tag(name = "Production centers")
class CenterController {
    private static final String NOT_FOUND = "center.not-found";

    private final ActorCommandGateway commands;
    private final TargetedCommands targeted;
    private final CenterQueries queries;

    CenterController(ActorCommandGateway commands, TargetedCommands targeted, CenterQueries queries) {
        this.commands = commands;
        this.targeted = targeted;
        this.queries = queries;
    }

    record CenterForm(String id, @NotBlank String name, String scopeId, @NotNull CenterArea area, String function,
                      String organization, String manager, String parentCenterId) {
    }

    record NameForm(@NotBlank String name) {
    }

    record ProfileForm(@NotNull CenterArea area, String function, String organization, String manager) {
    }

    record PlacementForm(String scopeId, String parentCenterId) {
    }

    record ClosureForm(@NotNull LocalDate effectiveDate, @NotBlank String reason) {
    }

    record NonLabourCostForm(@NotNull BigDecimal amount, String note) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(Actor actor, @Valid @RequestBody CenterForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new RegisterCenter(id, actor.institutionId(), actor.userId(), form.name().trim(), blankToNull(form.scopeId()),
                form.area(), form.function(), form.organization(), form.manager(), blankToNull(form.parentCenterId())), actor);
        return Map.of("id", id);
    }

    @PutMapping("/{id}/name")
    void rename(Actor actor, @PathVariable String id, @Valid @RequestBody NameForm form) {
        send(new RenameCenter(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.name().trim()), actor, id);
    }

    @PutMapping("/{id}/profile")
    @Operation(summary = "Replace area, function, organization and manager")
    void reviseProfile(Actor actor, @PathVariable String id, @Valid @RequestBody ProfileForm form) {
        send(new ReviseCenterProfile(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.area(),
                form.function(), form.organization(), form.manager()), actor, id);
    }

    @PutMapping("/{id}/placement")
    @Operation(summary = "Move to an ámbito and/or parent center (the body is the complete placement; null = none)")
    void move(Actor actor, @PathVariable String id, @RequestBody PlacementForm form) {
        send(new MoveCenter(Ids.require(id, "id"), actor.institutionId(), actor.userId(), blankToNull(form.scopeId()),
                blankToNull(form.parentCenterId())), actor, id);
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the center from an effective date; it then accepts no new employees or interviews")
    void close(Actor actor, @PathVariable String id, @Valid @RequestBody ClosureForm form) {
        send(new CloseCenter(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.effectiveDate(),
                form.reason()), actor, id);
    }

    @PutMapping("/{id}/non-labour-cost")
    @Operation(summary = "Record the center's yearly goods, services and depreciation")
    void recordNonLabourCost(Actor actor, @PathVariable String id, @Valid @RequestBody NonLabourCostForm form) {
        send(new RecordNonLabourCost(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.amount(),
                form.note()), actor, id);
    }

    @GetMapping
    @Operation(summary = "Centers (paged; filters scopeId, area, closed, q; sort by name, area, scope, employees, annualCost, updatedAt)")
    PageResponse<CenterRow> list(Actor actor, @RequestParam(required = false) String scopeId,
                                 @RequestParam(required = false) CenterArea area,
                                 @RequestParam(required = false) Boolean closed,
                                 @RequestParam(required = false) String q, HttpServletRequest request) {
        return queries.list(actor.institutionId(), new CenterQueries.Filter(scopeId, area, closed, q),
                Paging.of(request, CenterQueries.SORT, CenterQueries.FALLBACK));
    }

    @GetMapping("/{id}")
    CenterRow one(Actor actor, @PathVariable String id) {
        return queries.one(actor.institutionId(), id).orElseThrow(() -> DomainRejection.notFound(NOT_FOUND, "id", id));
    }

    private void send(Object command, Actor actor, String id) {
        targeted.send(command, actor, NOT_FOUND, id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
