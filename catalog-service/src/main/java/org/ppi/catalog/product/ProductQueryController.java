package org.ppi.catalog.product;

import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.ppi.contracts.catalog.Frequency;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.UserGroup;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.ExportFormat;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.platform.web.TableExport;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's institution's products, filtered, sorted and paged; or all of them as CSV or XLSX. */
@RestController
@RequestMapping("/api/catalog/products")
class ProductQueryController {
    private final ProductQueries queries;

    ProductQueryController(ProductQueries queries) {
        this.queries = queries;
    }

    @GetMapping
    @Parameter(name = "sort", in = ParameterIn.QUERY, description = "Repeatable: field or field,desc. Fields: name, type, "
            + "core, volume, frequency, status, centerName, area, updatedAt", array = @ArraySchema(schema = @Schema(type = "string")))
    PageResponse<ProductRow> list(Actor actor, @RequestParam(required = false) String centerId,
                                  @RequestParam(required = false) ProductType type,
                                  @RequestParam(required = false) Boolean core,
                                  @RequestParam(required = false) Boolean active,
                                  @RequestParam(required = false) UserGroup user,
                                  @RequestParam(required = false) Frequency frequency,
                                  @RequestParam(required = false) Boolean volumeGap,
                                  @RequestParam(required = false) String q,
                                  @RequestParam(required = false) Integer page,
                                  @RequestParam(required = false) Integer size,
                                  HttpServletRequest request) {
        PageQuery query = PageQuery.of(page, size, sortParameters(request), ProductQueries.SORTABLE,
                ProductQueries.DEFAULT_ORDER);
        return queries.list(actor.institutionId(),
                new ProductFilter(centerId, type, core, active, user, frequency, volumeGap, q), query);
    }

    /**
     * The same list for a spreadsheet ({@code ?format=csv|xlsx}): same filters and sort, every matching row, a row
     * per product with its productive features, headers in the caller's language.
     */
    @GetMapping(params = "format")
    ResponseEntity<byte[]> export(Actor actor, @RequestParam String format,
                                  @RequestParam(required = false) String centerId,
                                  @RequestParam(required = false) ProductType type,
                                  @RequestParam(required = false) Boolean core,
                                  @RequestParam(required = false) Boolean active,
                                  @RequestParam(required = false) UserGroup user,
                                  @RequestParam(required = false) Frequency frequency,
                                  @RequestParam(required = false) Boolean volumeGap,
                                  @RequestParam(required = false) String q,
                                  HttpServletRequest request) {
        ExportFormat chosen = ExportFormat.of(format);
        PageQuery order = PageQuery.of(0, PageQuery.MAX_SIZE, sortParameters(request), ProductQueries.SORTABLE,
                ProductQueries.DEFAULT_ORDER);
        List<ProductRow> rows = queries.all(actor.institutionId(),
                new ProductFilter(centerId, type, core, active, user, frequency, volumeGap, q), order);
        return TableExport.download(ProductExport.of(rows), chosen, "productos", actor.institutionId(), null,
                LocaleContextHolder.getLocale());
    }

    /**
     * The raw sort values: bound to a List, a single "name,desc" would be split at the comma into two entries.
     * Documented as "sort" (repeatable, "field" or "field,desc").
     */
    static List<String> sortParameters(HttpServletRequest request) {
        String[] values = request.getParameterValues("sort");
        return values == null ? List.of() : Arrays.asList(values);
    }

    @GetMapping("/{id}")
    ProductRow get(Actor actor, @PathVariable String id) {
        return queries.find(actor.institutionId(), id)
                .orElseThrow(() -> DomainRejection.notFound("product.not-found", "id", id));
    }
}
