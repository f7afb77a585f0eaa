package org.ppi.platform.projection;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: {@code POST /api/{service}/admin/replay} rebuilds the service's read models from the topics;
 * {@code GET} shows progress, duration and events per second; {@code GET /api/{service}/admin/lag} how many
 * published events the read models do not contain yet. It affects every institution of the deployment,
 * so once login exists it belongs to the platform administrator role (enforced at the gateway).
 */
@RestController
public class ReplayController {
    private final ReplayService replay;

    public ReplayController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping("/api/${ppi.projection.name}/admin/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public ReplayService.ReplayStatus start(Actor actor) {
        return replay.start();
    }

    @GetMapping("/api/${ppi.projection.name}/admin/lag")
    public ReplayService.Lag lag(Actor actor) {
        return replay.lag();
    }

    @GetMapping("/api/${ppi.projection.name}/admin/replay")
    public ReplayService.ReplayStatus status(Actor actor) {
        return replay.status().orElseThrow(() -> DomainRejection.notFound("replay.none", null));
    }
}
