package org.ppi.costing.replay;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Admin: rebuild costing's read models from the topics. It affects every institution of the deployment, so
 * once login exists it belongs to the platform administrator role (the gateway will enforce it).
 */
@RestController
@RequestMapping("/api/costing/admin/replay")
class ReplayController {
    private final ReplayService replay;

    ReplayController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    ReplayService.ReplayStatus start(Actor actor) {
        return replay.start();
    }

    @GetMapping
    ReplayService.ReplayStatus status(Actor actor) {
        return replay.status().orElseThrow(() -> DomainRejection.notFound("costing.replay-none", null));
    }
}
