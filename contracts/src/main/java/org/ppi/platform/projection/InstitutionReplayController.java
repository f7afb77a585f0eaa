package org.ppi.platform.projection;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The caller's institution only (from the verified token): {@code POST /api/{service}/institution/replay} rebuilds
 * its read models from the service's event log and answers when done (events, milliseconds, events per second);
 * {@code GET} shows the last such replay since the service started. Who may: see
 * {@link org.ppi.platform.security.Permissions} (the institution's auditor and administrator).
 */
@RestController
public class InstitutionReplayController {
    private final InstitutionReplay replay;

    public InstitutionReplayController(InstitutionReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/${ppi.projection.name}/institution/replay")
    public InstitutionReplay.Result replay(Actor actor) {
        return replay.replay(actor.institutionId(), actor.userId());
    }

    @GetMapping("/api/${ppi.projection.name}/institution/replay")
    public InstitutionReplay.Result last(Actor actor) {
        return replay.last(actor.institutionId()).orElseThrow(() -> DomainRejection.notFound("replay.none", null));
    }
}
