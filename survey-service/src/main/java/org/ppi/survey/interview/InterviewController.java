package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.security.Roles;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Ids;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.interview.InterviewCommands.AllocateTime;
import org.ppi.survey.interview.InterviewCommands.CorrectAllocation;
import org.ppi.survey.interview.InterviewCommands.OpenInterview;
import org.ppi.survey.interview.InterviewCommands.RecordInterviewSheet;
import org.ppi.survey.interview.InterviewCommands.SheetOutcome;
import org.ppi.survey.interview.InterviewCommands.ValidateInterview;
import org.ppi.survey.interview.InterviewQueries.InterviewDetail;
import org.ppi.survey.interview.InterviewQueries.InterviewRow;
import org.ppi.survey.web.Messages;
import org.ppi.survey.web.Paging;
import org.ppi.survey.web.ProblemReport;
import org.ppi.survey.web.TargetedCommands;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Interviews with centers and the time allocations recorded in them. */
@RestController
@RequestMapping("/api/survey/interviews")
@Tag(name = "Interviews and allocations")
class InterviewController {
    private final ActorCommandGateway commands;
    private final TargetedCommands targeted;
    private final InterviewQueries queries;

    private final Messages messages;

    InterviewController(ActorCommandGateway commands, TargetedCommands targeted, InterviewQueries queries,
                        Messages messages) {
        this.commands = commands;
        this.targeted = targeted;
        this.queries = queries;
        this.messages = messages;
    }

    record InterviewForm(String id, @NotBlank String centerId, LocalDate date, String interviewer,
                         List<String> participants) {
    }

    record AllocationForm(@NotBlank String employeeId, @NotBlank String productId, @NotNull BigDecimal hours,
                          Long expectedVersion) {
    }

    record CorrectionForm(@NotBlank String employeeId, @NotBlank String productId, @NotNull BigDecimal hours,
                          @NotBlank String reason, Long expectedVersion) {
    }

    record SheetForm(List<InterviewSheet.SheetCell> cells, String reason, Long expectedVersion) {
    }

    record ValidationForm(LocalDate validatedOn, Long expectedVersion) {
    }

    /**
     * The version a change was based on: {@code expectedVersion} in the body, or the {@code If-Match} header
     * ({@code 3}, {@code "3"} or {@code W/"3"}); both given must agree. Null: no check.
     */
    static Long expectedVersion(Long inBody, String ifMatch) {
        return Versions.expected(inBody, ifMatch);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> open(Actor actor, @Valid @RequestBody InterviewForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new OpenInterview(id, actor.institutionId(), actor.userId(), form.centerId(), form.date(),
                form.interviewer(), form.participants()), actor, id);
        return Map.of("id", id);
    }

    @PutMapping("/{id}/allocations")
    @Operation(summary = "Set the weekly hours of an employee on a product in an open interview (0 removes it)")
    void allocate(Actor actor, @PathVariable String id, @Valid @RequestBody AllocationForm form,
                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        targeted.sendToInterview(new AllocateTime(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.employeeId(),
                form.productId(), form.hours(), expectedVersion(form.expectedVersion(), ifMatch)), actor, id);
    }

    @PutMapping("/{id}/sheet")
    @Operation(summary = "Set a whole employees × products matrix of weekly hours in one command: validated as a "
            + "whole (every bad cell listed, nothing written), one event per changed cell; a validated interview "
            + "needs a reason (the changes are corrections)")
    SheetOutcome recordSheet(Actor actor, @PathVariable String id, @RequestBody SheetForm form,
                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        InterviewSheet sheet = new InterviewSheet(form.cells());
        return targeted.sendToInterview(new RecordInterviewSheet(Ids.require(id, "id"), actor.institutionId(),
                actor.userId(), sheet, form.reason(), expectedVersion(form.expectedVersion(), ifMatch), false), actor, id);
    }

    /** A refused sheet: every bad cell, with where it is and why, in the caller's language. */
    @ExceptionHandler(SheetRejected.class)
    ResponseEntity<ProblemReport> sheetRejected(SheetRejected e) {
        return SheetProblems.report(e, messages);
    }

    @PostMapping("/{id}/validation")
    @Operation(summary = "Validate an interview (institution administrator, or the manager of the interview's center)")
    void validate(Actor actor, @PathVariable String id, @RequestBody(required = false) ValidationForm form,
                  @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        // The institution administrator validates any center's interview; a center manager only his centers'.
        java.util.Set<String> centers = actor.hasRole(Roles.INSTITUTION_ADMIN) ? null : actor.centers();
        targeted.sendToInterview(new ValidateInterview(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form == null ? null : form.validatedOn(), centers,
                expectedVersion(form == null ? null : form.expectedVersion(), ifMatch)), actor, id);
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct an allocation of a validated interview, stating the reason")
    void correct(Actor actor, @PathVariable String id, @Valid @RequestBody CorrectionForm form,
                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        targeted.sendToInterview(new CorrectAllocation(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form.employeeId(), form.productId(), form.hours(), form.reason(),
                expectedVersion(form.expectedVersion(), ifMatch)), actor, id);
    }

    @GetMapping
    @Operation(summary = "Interviews (paged; filters centerId, status; sort by date, status, center, updatedAt)")
    PageResponse<InterviewRow> list(Actor actor, @RequestParam(required = false) String centerId,
                                    @RequestParam(required = false) InterviewQueries.Status status,
                                    HttpServletRequest request) {
        return queries.list(actor.institutionId(), centerId, status,
                Paging.of(request, InterviewQueries.SORT, InterviewQueries.FALLBACK));
    }

    @GetMapping("/{id}")
    @Operation(summary = "An interview with the allocations recorded in it")
    InterviewDetail one(Actor actor, @PathVariable String id) {
        return queries.one(actor.institutionId(), id)
                .orElseThrow(() -> DomainRejection.notFound("interview.not-found", "id", id));
    }
}
