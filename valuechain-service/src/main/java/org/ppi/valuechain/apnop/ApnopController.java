package org.ppi.valuechain.apnop;

import java.math.BigDecimal;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.valuechain.apnop.ApnopCommands.CorrectApnopLine;
import org.ppi.valuechain.apnop.ApnopCommands.RecordApnopLine;
import org.ppi.valuechain.apnop.ApnopCommands.RemoveApnopLine;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** APNOP lines of the caller's institution: recorded, corrected, removed (the budget shows them apart). */
@RestController
@RequestMapping("/api/valuechain/apnop")
class ApnopController {
    private final ActorCommandGateway commands;

    ApnopController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record LineForm(String id, @NotNull Integer fiscalYear, @NotBlank @Size(max = 300) String name,
                    @NotNull ApnopKind kind, @NotNull BigDecimal amount, @Size(max = 2000) String reason) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> record(Actor actor, @Valid @RequestBody LineForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new RecordApnopLine(id, actor.institutionId(), actor.userId(), form.fiscalYear(), form.name(),
                form.kind(), form.amount()), actor);
        return Map.of("id", id);
    }

    @PutMapping("/{id}")
    void correct(Actor actor, @PathVariable String id, @Valid @RequestBody LineForm form) {
        commands.send(new CorrectApnopLine(Ids.require(id, "id"), actor.institutionId(), actor.userId(),
                form.fiscalYear(), form.name(), form.kind(), form.amount(), form.reason()), actor);
    }

    @DeleteMapping("/{id}")
    void remove(Actor actor, @PathVariable String id, @RequestParam(required = false) String reason) {
        commands.send(new RemoveApnopLine(Ids.require(id, "id"), actor.institutionId(), actor.userId(), reason), actor);
    }
}
