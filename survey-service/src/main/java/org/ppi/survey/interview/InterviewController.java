package org.ppi.survey.interview;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.survey.interview.InterviewCommands.AllocateTime;
import org.ppi.survey.interview.InterviewCommands.CorrectAllocation;
import org.ppi.survey.interview.InterviewCommands.OpenInterview;
import org.ppi.survey.interview.InterviewCommands.ValidateInterview;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Interviews with centers and the time allocations recorded in them. */
@RestController
@RequestMapping("/api/survey/interviews")
class InterviewController {
    private final ActorCommandGateway commands;

    InterviewController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record InterviewForm(String id, @NotBlank String centerId, LocalDate date, String interviewer,
                         List<String> participants) {
    }

    record AllocationForm(@NotBlank String employeeId, @NotBlank String productId, @NotNull BigDecimal hours) {
    }

    record CorrectionForm(@NotBlank String employeeId, @NotBlank String productId, @NotNull BigDecimal hours,
                          @NotBlank String reason) {
    }

    record ValidationForm(LocalDate validatedOn) {
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
    void allocate(Actor actor, @PathVariable String id, @Valid @RequestBody AllocationForm form) {
        commands.send(new AllocateTime(Ids.require(id, "id"), actor.institutionId(), actor.userId(), form.employeeId(),
                form.productId(), form.hours()), actor, id);
    }

    @PostMapping("/{id}/validation")
    void validate(Actor actor, @PathVariable String id, @RequestBody(required = false) ValidationForm form) {
        commands.send(new ValidateInterview(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form == null ? null : form.validatedOn()), actor, id);
    }

    @PostMapping("/{id}/corrections")
    void correct(Actor actor, @PathVariable String id, @Valid @RequestBody CorrectionForm form) {
        commands.send(new CorrectAllocation(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form.employeeId(), form.productId(), form.hours(), form.reason()), actor, id);
    }
}
