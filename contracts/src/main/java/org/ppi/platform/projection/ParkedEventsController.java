package org.ppi.platform.projection;

import java.util.List;
import java.util.Map;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Operator: the events this projection parked ({@code GET /api/{service}/admin/parked}, {@code ?all=true} with the
 * resolved ones), an institution's parked events applied again in order ({@code POST …/institutions/{id}/retry}:
 * 409 {@code projection.retry-failed} with the reason while the cause stays) and one event skipped for good with a
 * recorded reason ({@code POST …/{eventId}/skip}). They name every institution's events: the deployment's
 * operator alone (enforced at the gateway and by the kernel's role table).
 */
@RestController
public class ParkedEventsController {
    private final ParkedEvents parked;
    private final ProjectionTransaction projection;
    private final ReplayPlan plan;

    public ParkedEventsController(ParkedEvents parked, ProjectionTransaction projection, ReplayPlan plan) {
        this.parked = parked;
        this.projection = projection;
        this.plan = plan;
    }

    @GetMapping("/api/${ppi.projection.name}/admin/parked")
    public List<ParkedEvents.Parked> list(Actor actor, @RequestParam(defaultValue = "false") boolean all) {
        return parked.list(all);
    }

    @PostMapping("/api/${ppi.projection.name}/admin/parked/institutions/{institutionId}/retry")
    public Map<String, Object> retry(Actor actor, @PathVariable String institutionId) {
        if (parked.open(institutionId) == 0) {
            throw DomainRejection.notFound("projection.parked-none", "institutionId", institutionId);
        }
        try {
            int applied = projection.retryParked(institutionId, plan.fold(), actor.userId());
            return Map.of("institutionId", institutionId, "applied", applied, "stale", parked.stale(institutionId));
        } catch (RuntimeException e) {
            throw DomainRejection.conflict("projection.retry-failed", "institutionId", institutionId, e.toString());
        }
    }

    public record SkipForm(String reason) {
    }

    @PostMapping("/api/${ppi.projection.name}/admin/parked/{eventId}/skip")
    public Map<String, Object> skip(Actor actor, @PathVariable String eventId, @RequestBody(required = false) SkipForm form) {
        if (form == null || form.reason() == null || form.reason().isBlank()) {
            throw DomainRejection.badRequest("projection.skip-reason-required", "reason");
        }
        ParkedEvents.Parked event = parked.find(eventId)
                .orElseThrow(() -> DomainRejection.notFound("projection.parked-unknown", "eventId", eventId));
        projection.skipParked(event, actor.userId(), form.reason().trim());
        return Map.of("eventId", eventId, "skipped", true,
                "stale", event.institutionId() != null && parked.stale(event.institutionId()));
    }
}
