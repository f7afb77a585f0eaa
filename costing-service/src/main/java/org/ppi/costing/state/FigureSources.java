package org.ppi.costing.state;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.ppi.contracts.survey.CostingMethod;

/**
 * What each figure of one institution rests on: the events behind it (its lineage) and whether any hours behind it
 * come from an interview not validated yet (provisional). Answered on demand for one figure from the indexes the
 * state keeps as it folds ({@link FigureIndex}): the work is the size of that figure's lineage, never a scan of the
 * institution (but for the institution's own lineage, which is every fact of it). Nothing here runs on the write
 * path except the provisional marks and the counts, which are look-ups.
 */
final class FigureSources {
    private final List<String> institutionEvents;
    private final Map<String, Facts.Center> centers;
    private final Map<String, Facts.Employee> employees;
    private final Map<String, Facts.Product> products;
    private final Map<String, Facts.Allocation> allocations;
    private final Map<String, Facts.Chain> chains;
    private final Map<String, Facts.Link> links;
    private final Map<String, String> validationEvents;
    private final Supplier<CostingMethod> method;
    private final UnaryOperator<String> resolve;
    private final FigureIndex index;

    FigureSources(List<String> institutionEvents, Map<String, Facts.Center> centers, Map<String, Facts.Employee> employees,
                  Map<String, Facts.Product> products, Map<String, Facts.Allocation> allocations,
                  Map<String, Facts.Chain> chains, Map<String, Facts.Link> links, Map<String, String> validationEvents,
                  Supplier<CostingMethod> method, UnaryOperator<String> resolve, FigureIndex index) {
        this.institutionEvents = institutionEvents;
        this.centers = centers;
        this.employees = employees;
        this.products = products;
        this.allocations = allocations;
        this.chains = chains;
        this.links = links;
        this.validationEvents = validationEvents;
        this.method = method;
        this.resolve = resolve;
        this.index = index;
    }

    /** The events behind a product's cost: its own, its allocations', the pricing of its hours, and (full cost) its suppliers'. */
    Set<String> productLineage(String productId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        collectProductLineage(resolve.apply(productId), ids, new HashSet<>(), new HashSet<>());
        return ids;
    }

    private void collectProductLineage(String productId, Set<String> ids, Set<String> visited, Set<String> priced) {
        if (!visited.add(productId)) {
            return;
        }
        for (String counted : index.countingFor(productId, resolve)) {
            Facts.Product product = products.get(counted);
            if (product != null) {
                ids.addAll(product.events);
            }
            for (Facts.Allocation a : index.allocationsOfProduct(counted)) {
                ids.addAll(a.events);
                addValidation(a, ids);
                Facts.Employee employee = employees.get(a.employeeId);
                if (employee != null) {
                    ids.addAll(employee.events);
                    for (String center : employee.staffing.centers()) {
                        if (priced.add(center == null ? "" : center)) {
                            addPricing(center, ids);
                        }
                    }
                }
            }
        }
        for (Facts.Link link : suppliersOf(productId)) {
            ids.addAll(link.events);
            Facts.Chain chain = chains.get(link.chainId);
            if (chain != null) {
                ids.addAll(chain.events);
            }
            collectProductLineage(resolve.apply(link.supplierId), ids, visited, priced);
        }
    }

    Set<String> employeeLineage(String employeeId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        Facts.Employee employee = employees.get(employeeId);
        if (employee != null) {
            ids.addAll(employee.events);
            employee.staffing.centers().forEach(c -> addPricing(c, ids));
        }
        for (Facts.Allocation a : index.allocationsOfEmployee(employeeId)) {
            ids.addAll(a.events);
            addValidation(a, ids);
        }
        return ids;
    }

    Set<String> centerLineage(String centerId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        Facts.Center center = centers.get(centerId);
        if (center != null) {
            ids.addAll(center.events);
        }
        for (Facts.Employee employee : index.staffOf(centerId)) {
            ids.addAll(employee.events);
            for (Facts.Allocation a : index.allocationsOfEmployee(employee.id)) {
                ids.addAll(a.events);
                addValidation(a, ids);
            }
        }
        return ids;
    }

    /** Every fact of the institution: the total rests on all of them. */
    Set<String> institutionLineage() {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        centers.values().forEach(c -> ids.addAll(c.events));
        employees.values().forEach(e -> ids.addAll(e.events));
        products.values().forEach(p -> ids.addAll(p.events));
        allocations.values().forEach(a -> ids.addAll(a.events));
        ids.addAll(validationEvents.values());
        chains.values().forEach(c -> ids.addAll(c.events));
        links.values().forEach(l -> ids.addAll(l.events));
        return ids;
    }

    /**
     * The size of {@link #institutionLineage()} without building it: each event traces at most one fact (counted as
     * it is traced), and the institution's own and validation events are kept apart.
     */
    int institutionLineageSize() {
        return new HashSet<>(institutionEvents).size() + index.tracedEvents() + validationEvents.size();
    }

    /** A product's full cost rests on its own hours and its suppliers': provisional when any of them is. */
    boolean provisionalProduct(String productId) {
        Set<String> upstream = new HashSet<>();
        collectUpstream(resolve.apply(productId), upstream);
        for (String product : upstream) {
            for (String counted : index.countingFor(product, resolve)) {
                if (index.pendingOfProduct(counted)) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean provisionalEmployee(String employeeId) {
        return index.pendingOfEmployee(employeeId);
    }

    boolean provisionalCenter(String centerId) {
        return index.pendingOfCenter(centerId);
    }

    boolean provisionalInstitution() {
        return index.anyPending();
    }

    private void collectUpstream(String productId, Set<String> found) {
        if (!found.add(productId)) {
            return;
        }
        for (Facts.Link link : suppliersOf(productId)) {
            collectUpstream(resolve.apply(link.supplierId), found);
        }
    }

    /** Active links of live chains that feed the product (merges followed). */
    private List<Facts.Link> suppliersOf(String productId) {
        List<Facts.Link> result = new ArrayList<>();
        for (String counted : index.countingFor(productId, resolve)) {
            for (Facts.Link link : index.linksInto(counted)) {
                Facts.Chain chain = chains.get(link.chainId);
                if (link.active && (chain == null || !chain.retired)) {
                    result.add(link);
                }
            }
        }
        return result;
    }

    /**
     * Under the classic method an hour's price is the center's payroll over its head count, so all its staff
     * count; under both, the center's non-labour is shared over its capacity hours.
     */
    private void addPricing(String centerId, Set<String> ids) {
        if (centerId == null) {
            return;
        }
        Facts.Center center = centers.get(centerId);
        if (center != null) {
            ids.addAll(center.events);
        }
        boolean sharesNonLabour = center != null && center.nonLabour.signum() != 0;
        if (method.get() == CostingMethod.CLASSIC || sharesNonLabour) {
            for (Facts.Employee colleague : index.staffOf(centerId)) {
                ids.addAll(colleague.events);
            }
        }
    }

    /** The validation of the interviews whose values an allocation holds: whether a figure is provisional rests on it. */
    private void addValidation(Facts.Allocation a, Set<String> ids) {
        for (Facts.RecordedHours r : a.recorded) {
            String validation = validationEvents.get(r.interviewId());
            if (validation != null) {
                ids.add(validation);
            }
        }
    }
}
