package org.ppi.survey.allocation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.allocation.AllocationQueries.AllocationRow;
import org.ppi.survey.web.Paging;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Current time allocations (employee × product) of the caller's institution. */
@RestController
@Tag(name = "Interviews and allocations")
class AllocationController {
    private final AllocationQueries queries;

    AllocationController(AllocationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/survey/allocations")
    @Operation(summary = "Current hours per employee × product (paged; filters centerId, employeeId, productId, "
            + "interviewId; sort by employee, product, center, hours, updatedAt)")
    PageResponse<AllocationRow> list(Actor actor, @RequestParam(required = false) String centerId,
                                     @RequestParam(required = false) String employeeId,
                                     @RequestParam(required = false) String productId,
                                     @RequestParam(required = false) String interviewId, HttpServletRequest request) {
        return queries.list(actor.institutionId(), new AllocationQueries.Filter(centerId, employeeId, productId, interviewId),
                Paging.of(request, AllocationQueries.SORT, AllocationQueries.FALLBACK));
    }
}
