package org.ppi.catalog.summary;

import org.ppi.platform.web.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The summary view's product figures for the caller's institution. */
@RestController
class ProductSummaryController {
    private final ProductSummaryQuery query;

    ProductSummaryController(ProductSummaryQuery query) {
        this.query = query;
    }

    @GetMapping("/api/catalog/views/product-summary")
    ProductSummary summary(Actor actor) {
        return query.summary(actor.institutionId());
    }
}
