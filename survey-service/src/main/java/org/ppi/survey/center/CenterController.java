package org.ppi.survey.center;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.Ids;
import org.ppi.survey.center.CenterCommands.RegisterCenter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Production centers of the caller's institution. */
@RestController
@RequestMapping("/api/survey/centers")
class CenterController {
    private final ActorCommandGateway commands;

    CenterController(ActorCommandGateway commands) {
        this.commands = commands;
    }

    record CenterForm(String id, @NotBlank String name, String scopeId, @NotNull CenterArea area, String function,
                      String organization, String manager, String parentCenterId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> register(Actor actor, @Valid @RequestBody CenterForm form) {
        String id = Ids.orNew(form.id(), "id");
        commands.send(new RegisterCenter(id, actor.institutionId(), actor.userId(), form.name().trim(), form.scopeId(),
                form.area(), form.function(), form.organization(), form.manager(), form.parentCenterId()), actor);
        return Map.of("id", id);
    }
}
