package org.ppi.costing.query;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.costing.figures.CenterCostView;
import org.ppi.costing.figures.EmployeeCostView;
import org.ppi.costing.figures.InstitutionCostView;
import org.ppi.costing.figures.ProductCostView;
import org.ppi.platform.projection.EventLog;
import org.ppi.platform.web.Actor;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.ExportFormat;
import org.ppi.platform.web.ExportTable;
import org.ppi.platform.web.InMemoryPage;
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

/**
 * Cost figures of the caller's institution: per product, employee and center, the institution's
 * reconciliation, and for each figure the events behind it. Every query takes {@code asOf} (ISO-8601 instant)
 * to answer with the figures as they stood then (the default view from the figures' versions, any other recomputed
 * from the event history: {@link CostSnapshots}), {@code fiscalYear} (default:
 * the institution's current one), {@code basis=validated} (only validated interviews) and {@code normalize=true}
 * to show them with over-allocated employees' hours scaled to their contracts ({@code OverAllocationNormalisation}).
 */
@RestController
@RequestMapping("/api/costing")
class CostController {
    private final CostSnapshots snapshots;
    private final CostLineages lineages;
    private final EventLog log;

    CostController(CostSnapshots snapshots, CostLineages lineages, EventLog log) {
        this.snapshots = snapshots;
        this.lineages = lineages;
        this.log = log;
    }

    @GetMapping("/institution")
    InstitutionCostView institution(Actor actor, CostQuery query) {
        InstitutionCostView view = snapshots.institution(actor.institutionId(), query);
        if (view == null) {
            throw DomainRejection.notFound("costing.institution-unknown", "institutionId", actor.institutionId());
        }
        return view;
    }

    /**
     * The events behind the institution's figure: every fact of the institution, as the total rests on all of them.
     * Every lineage answers a page ({@code page} from 0, {@code size} default {@value CostLineages#DEFAULT_SIZE}, at
     * most 1000) with the lineage's total size.
     */
    @GetMapping("/institution/lineage")
    CostLineages.Lineage institutionLineage(Actor actor, @RequestParam(required = false) Instant asOf,
                                            @RequestParam(required = false) Integer page,
                                            @RequestParam(required = false) Integer size) {
        return lineages.page(actor.institutionId(), CostLineages.Kind.INSTITUTION, actor.institutionId(), asOf, page, size,
                "costing.institution-unknown");
    }

    /**
     * The summary page: counts, products and workers by area, cost by CORE product. Amounts by area are the exact
     * sums of their centers, rounded once.
     */
    @GetMapping("/summary")
    CostSummary summary(Actor actor, CostQuery query) {
        CostSnapshot snapshot = snapshots.of(actor.institutionId(), query);
        if (snapshot.institution() == null) {
            throw DomainRejection.notFound("costing.institution-unknown", "institutionId", actor.institutionId());
        }
        return CostSummary.of(snapshot);
    }

    @GetMapping("/products")
    PageResponse<ProductCostView> products(Actor actor, CostQuery query,
                                           @RequestParam(required = false) String centerId,
                                           @RequestParam(required = false) ProductType type,
                                           @RequestParam(required = false) Boolean core,
                                           @RequestParam(required = false) Boolean volumeGap,
                                           @RequestParam(required = false) String q,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size,
                                           @RequestParam(required = false) List<String> sort) {
        List<ProductCostView> rows = products(actor, query, centerId, type, core, volumeGap, q);
        return InMemoryPage.page(rows, page, size, sort, Map.of(
                        "name", InMemoryPage.by(ProductCostView::productName),
                        "center", InMemoryPage.by(ProductCostView::centerName),
                        "hours", InMemoryPage.by(ProductCostView::hours),
                        "direct", InMemoryPage.by(ProductCostView::direct),
                        "unitCost", InMemoryPage.by(ProductCostView::unitCost),
                        "fullCost", InMemoryPage.by(ProductCostView::fullCost),
                        "fullUnitCost", InMemoryPage.by(ProductCostView::fullUnitCost),
                        "volume", InMemoryPage.by(ProductCostView::volume)),
                Comparator.comparing(ProductCostView::productId));
    }

    /**
     * The lists for a spreadsheet: {@code ?format=csv|xlsx} on the list's own address, with its filters (no paging:
     * every matching row), headers in the caller's language ({@link CostExports}). Products: the seed's table
     * "Costos de producción por producto", one row per product and employee and a total row per product.
     */
    @GetMapping(path = "/products", params = "format")
    ResponseEntity<byte[]> productsExport(Actor actor, CostQuery query, @RequestParam String format,
                                          @RequestParam(required = false) String centerId,
                                          @RequestParam(required = false) ProductType type,
                                          @RequestParam(required = false) Boolean core,
                                          @RequestParam(required = false) Boolean volumeGap,
                                          @RequestParam(required = false) String q) {
        ExportFormat chosen = ExportFormat.of(format);
        return download(CostExports.products(products(actor, query, centerId, type, core, volumeGap, q)), chosen,
                "costos-por-producto", actor, query);
    }

    @GetMapping(path = "/employees", params = "format")
    ResponseEntity<byte[]> employeesExport(Actor actor, CostQuery query, @RequestParam String format,
                                           @RequestParam(required = false) String centerId,
                                           @RequestParam(required = false) Boolean overAllocated,
                                           @RequestParam(required = false) String q) {
        ExportFormat chosen = ExportFormat.of(format);
        return download(CostExports.employees(employees(actor, query, centerId, overAllocated, q)), chosen,
                "costos-por-funcionario", actor, query);
    }

    @GetMapping(path = "/centers", params = "format")
    ResponseEntity<byte[]> centersExport(Actor actor, CostQuery query, @RequestParam String format,
                                         @RequestParam(required = false) CenterArea area,
                                         @RequestParam(required = false) Boolean overAllocated,
                                         @RequestParam(required = false) String q) {
        ExportFormat chosen = ExportFormat.of(format);
        return download(CostExports.centers(centers(actor, query, area, overAllocated, q)), chosen, "costos-por-centro",
                actor, query);
    }

    @GetMapping(path = "/institution", params = "format")
    ResponseEntity<byte[]> institutionExport(Actor actor, CostQuery query, @RequestParam String format) {
        ExportFormat chosen = ExportFormat.of(format);
        return download(CostExports.institution(institution(actor, query)), chosen, "costo-institucional", actor, query);
    }

    private static ResponseEntity<byte[]> download(ExportTable table, ExportFormat format, String name, Actor actor,
                                                   CostQuery query) {
        return TableExport.download(table, format, name, actor.institutionId(), query.asOf(),
                LocaleContextHolder.getLocale());
    }

    private List<ProductCostView> products(Actor actor, CostQuery query, String centerId, ProductType type, Boolean core,
                                           Boolean volumeGap, String q) {
        Predicate<ProductCostView> filter = p -> (centerId == null || centerId.equals(p.centerId()))
                && (type == null || type == p.type()) && (core == null || core == p.core())
                && (volumeGap == null || volumeGap == p.volumeGap()) && matches(q, p.productName(), p.centerName());
        return snapshots.of(actor.institutionId(), query).products().stream().filter(filter).toList();
    }

    private List<EmployeeCostView> employees(Actor actor, CostQuery query, String centerId, Boolean overAllocated, String q) {
        return snapshots.of(actor.institutionId(), query).employees().stream()
                .filter(e -> (centerId == null || centerId.equals(e.centerId()))
                        && (overAllocated == null || overAllocated == e.overAllocated())
                        && matches(q, e.employeeName(), e.centerName()))
                .toList();
    }

    private List<CenterCostView> centers(Actor actor, CostQuery query, CenterArea area, Boolean overAllocated, String q) {
        return snapshots.of(actor.institutionId(), query).centers().stream()
                .filter(c -> (area == null || area == c.area()) && (overAllocated == null || overAllocated == c.overAllocated())
                        && matches(q, c.centerName(), null))
                .toList();
    }

    @GetMapping("/products/{id}")
    ProductCostView product(Actor actor, @PathVariable String id, CostQuery query) {
        return snapshots.product(actor.institutionId(), query, id)
                .orElseThrow(() -> DomainRejection.notFound("costing.product-unknown", "productId", id));
    }

    @GetMapping("/products/{id}/lineage")
    CostLineages.Lineage productLineage(Actor actor, @PathVariable String id, @RequestParam(required = false) Instant asOf,
                                       @RequestParam(required = false) Integer page,
                                       @RequestParam(required = false) Integer size) {
        return lineages.page(actor.institutionId(), CostLineages.Kind.PRODUCT, id, asOf, page, size, "costing.product-unknown");
    }

    @GetMapping("/employees")
    PageResponse<EmployeeCostView> employees(Actor actor, CostQuery query,
                                             @RequestParam(required = false) String centerId,
                                             @RequestParam(required = false) Boolean overAllocated,
                                             @RequestParam(required = false) String q,
                                             @RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer size,
                                             @RequestParam(required = false) List<String> sort) {
        List<EmployeeCostView> rows = employees(actor, query, centerId, overAllocated, q);
        return InMemoryPage.page(rows, page, size, sort, Map.of(
                        "name", InMemoryPage.by(EmployeeCostView::employeeName),
                        "center", InMemoryPage.by(EmployeeCostView::centerName),
                        "capacityCost", InMemoryPage.by(EmployeeCostView::capacityCost),
                        "allocatedCost", InMemoryPage.by(EmployeeCostView::allocatedCost),
                        "unusedCost", InMemoryPage.by(EmployeeCostView::unusedCost),
                        "allocatedHours", InMemoryPage.by(EmployeeCostView::allocatedHours)),
                Comparator.comparing(EmployeeCostView::employeeId));
    }

    @GetMapping("/employees/{id}")
    EmployeeCostView employee(Actor actor, @PathVariable String id, CostQuery query) {
        return snapshots.employee(actor.institutionId(), query, id)
                .orElseThrow(() -> DomainRejection.notFound("costing.employee-unknown", "employeeId", id));
    }

    @GetMapping("/employees/{id}/lineage")
    CostLineages.Lineage employeeLineage(Actor actor, @PathVariable String id, @RequestParam(required = false) Instant asOf,
                                        @RequestParam(required = false) Integer page,
                                        @RequestParam(required = false) Integer size) {
        return lineages.page(actor.institutionId(), CostLineages.Kind.EMPLOYEE, id, asOf, page, size, "costing.employee-unknown");
    }

    @GetMapping("/centers")
    PageResponse<CenterCostView> centers(Actor actor, CostQuery query,
                                         @RequestParam(required = false) CenterArea area,
                                         @RequestParam(required = false) Boolean overAllocated,
                                         @RequestParam(required = false) String q,
                                         @RequestParam(required = false) Integer page,
                                         @RequestParam(required = false) Integer size,
                                         @RequestParam(required = false) List<String> sort) {
        List<CenterCostView> rows = centers(actor, query, area, overAllocated, q);
        return InMemoryPage.page(rows, page, size, sort, Map.of(
                        "name", InMemoryPage.by(CenterCostView::centerName),
                        "payroll", InMemoryPage.by(CenterCostView::payroll),
                        "totalCost", InMemoryPage.by(CenterCostView::totalCost),
                        "allocatedCost", InMemoryPage.by(CenterCostView::allocatedCost),
                        "unusedCost", InMemoryPage.by(CenterCostView::unusedCost),
                        "employees", InMemoryPage.by(CenterCostView::employees)),
                Comparator.comparing(CenterCostView::centerId));
    }

    @GetMapping("/centers/{id}")
    CenterCostView center(Actor actor, @PathVariable String id, CostQuery query) {
        return snapshots.center(actor.institutionId(), query, id)
                .orElseThrow(() -> DomainRejection.notFound("costing.center-unknown", "centerId", id));
    }

    @GetMapping("/centers/{id}/lineage")
    CostLineages.Lineage centerLineage(Actor actor, @PathVariable String id, @RequestParam(required = false) Instant asOf,
                                      @RequestParam(required = false) Integer page,
                                      @RequestParam(required = false) Integer size) {
        return lineages.page(actor.institutionId(), CostLineages.Kind.CENTER, id, asOf, page, size, "costing.center-unknown");
    }

    /**
     * The survey, catalog and value-chain events costing has received, by id — so that an id named elsewhere
     * (a budget figure's upstream lineage, a costing event's causationid) can be read in full.
     */
    @GetMapping("/events")
    List<EventLog.LoggedEvent> events(Actor actor, @RequestParam List<String> id) {
        if (id.size() > PageQuery.MAX_SIZE) {
            throw DomainRejection.badRequest("request.page-size", "id", PageQuery.MAX_SIZE);
        }
        return log.find(actor.institutionId(), id);
    }

    private static boolean matches(String q, String first, String second) {
        if (q == null || q.isBlank()) {
            return true;
        }
        String needle = q.trim().toLowerCase(java.util.Locale.ROOT);
        return (first != null && first.toLowerCase(java.util.Locale.ROOT).contains(needle))
                || (second != null && second.toLowerCase(java.util.Locale.ROOT).contains(needle));
    }
}
