package org.ppi.platform.projection;

import java.util.List;

import org.ppi.platform.web.Actor;
import org.ppi.platform.web.PageResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/{service}/recalculations}: the caller's institution's recalculation log, newest first. */
@RestController
public class RecalculationController {
    private final RecalculationLog log;

    public RecalculationController(RecalculationLog log) {
        this.log = log;
    }

    @GetMapping("/api/${ppi.projection.name}/recalculations")
    public PageResponse<RecalculationLog.Entry> list(Actor actor, @RequestParam(required = false) Integer fiscalYear,
                                                     @RequestParam(required = false) String figureKind,
                                                     @RequestParam(required = false) String figureKey,
                                                     @RequestParam(required = false) String causationEventId,
                                                     @RequestParam(required = false) Integer page,
                                                     @RequestParam(required = false) Integer size,
                                                     @RequestParam(required = false) List<String> sort) {
        return log.find(actor.institutionId(), new RecalculationLog.Filter(fiscalYear, figureKind, figureKey, causationEventId),
                page, size, sort);
    }
}
