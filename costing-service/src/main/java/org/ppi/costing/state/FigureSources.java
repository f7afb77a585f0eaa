package org.ppi.costing.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.ppi.contracts.survey.CostingMethod;

/**
 * What each figure of one institution rests on: the events behind it (its lineage) and whether any hours behind it
 * come from an interview not validated yet (provisional). Answered from indexes built once per state — the state
 * drops them when it folds an event — so a settle that writes every product reads each fact a bounded number of
 * times instead of scanning the whole institution once per figure (what made lineage the largest part of a settle).
 * Lists keep the facts' own order, so a lineage is the same list whichever figure asked first.
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
    private final CostingMethod method;
    private final UnaryOperator<String> resolve;

    /** Products under each id they count for: their own and, when merged, the one they were merged into. */
    private final Map<String, List<Facts.Product>> productsFor = new HashMap<>();
    /** Allocations by the product they count for (merges followed). */
    private final Map<String, List<Facts.Allocation>> allocationsFor = new HashMap<>();
    private final Map<String, List<Facts.Allocation>> allocationsOfEmployee = new HashMap<>();
    /** Active links of live chains by the product they feed (merges followed), in the links' order. */
    private final Map<String, List<Facts.Link>> suppliersOf = new HashMap<>();
    /** Employees who ever belonged to a center, in the employees' order. */
    private final Map<String, List<Facts.Employee>> staffOf = new HashMap<>();
    /** Allocations whose latest value is an interview's not validated yet. */
    private final Set<Facts.Allocation> pending = new HashSet<>();

    FigureSources(List<String> institutionEvents, Map<String, Facts.Center> centers, Map<String, Facts.Employee> employees,
                  Map<String, Facts.Product> products, Map<String, Facts.Allocation> allocations,
                  Map<String, Facts.Chain> chains, Map<String, Facts.Link> links, Set<String> validatedInterviews,
                  Map<String, String> validationEvents, CostingMethod method, UnaryOperator<String> resolve) {
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
        for (Facts.Product product : products.values()) {
            add(productsFor, product.id, product);
            String target = resolve.apply(product.id);
            if (!target.equals(product.id)) {
                add(productsFor, target, product);
            }
        }
        for (Facts.Allocation a : allocations.values()) {
            add(allocationsFor, resolve.apply(a.productId), a);
            add(allocationsOfEmployee, a.employeeId, a);
            Facts.RecordedHours value = a.latest();
            if (value != null && !value.correction() && !validatedInterviews.contains(value.interviewId())) {
                pending.add(a);
            }
        }
        for (Facts.Link link : links.values()) {
            Facts.Chain chain = chains.get(link.chainId);
            if (link.active && link.consumerId != null && (chain == null || !chain.retired)) {
                add(suppliersOf, resolve.apply(link.consumerId), link);
            }
        }
        for (Facts.Employee employee : employees.values()) {
            for (String center : employee.staffing.centers()) {
                add(staffOf, center, employee);
            }
        }
    }

    private static <T> void add(Map<String, List<T>> index, String key, T value) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    private static <T> List<T> of(Map<String, List<T>> index, String key) {
        return index.getOrDefault(key, List.of());
    }

    /** The events behind a product's cost: its own, its allocations', the pricing of its hours, and (full cost) its suppliers'. */
    List<String> productLineage(String productId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        collectProductLineage(resolve.apply(productId), ids, new HashSet<>());
        return List.copyOf(ids);
    }

    private void collectProductLineage(String productId, Set<String> ids, Set<String> visited) {
        if (!visited.add(productId)) {
            return;
        }
        for (Facts.Product product : of(productsFor, productId)) {
            ids.addAll(product.events);
        }
        for (Facts.Allocation a : of(allocationsFor, productId)) {
            ids.addAll(a.events);
            addValidation(a, ids);
            Facts.Employee employee = employees.get(a.employeeId);
            if (employee != null) {
                ids.addAll(employee.events);
                employee.staffing.centers().forEach(c -> addPricing(c, ids));
            }
        }
        for (Facts.Link link : of(suppliersOf, productId)) {
            ids.addAll(link.events);
            Facts.Chain chain = chains.get(link.chainId);
            if (chain != null) {
                ids.addAll(chain.events);
            }
            collectProductLineage(resolve.apply(link.supplierId), ids, visited);
        }
    }

    List<String> employeeLineage(String employeeId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        Facts.Employee employee = employees.get(employeeId);
        if (employee != null) {
            ids.addAll(employee.events);
            employee.staffing.centers().forEach(c -> addPricing(c, ids));
        }
        for (Facts.Allocation a : of(allocationsOfEmployee, employeeId)) {
            ids.addAll(a.events);
            addValidation(a, ids);
        }
        return List.copyOf(ids);
    }

    List<String> centerLineage(String centerId) {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        Facts.Center center = centers.get(centerId);
        if (center != null) {
            ids.addAll(center.events);
        }
        for (Facts.Employee employee : of(staffOf, centerId)) {
            ids.addAll(employee.events);
            for (Facts.Allocation a : of(allocationsOfEmployee, employee.id)) {
                ids.addAll(a.events);
                addValidation(a, ids);
            }
        }
        return List.copyOf(ids);
    }

    List<String> institutionLineage() {
        Set<String> ids = new LinkedHashSet<>(institutionEvents);
        centers.values().forEach(c -> ids.addAll(c.events));
        employees.values().forEach(e -> ids.addAll(e.events));
        products.values().forEach(p -> ids.addAll(p.events));
        allocations.values().forEach(a -> ids.addAll(a.events));
        ids.addAll(validationEvents.values());
        chains.values().forEach(c -> ids.addAll(c.events));
        links.values().forEach(l -> ids.addAll(l.events));
        return List.copyOf(ids);
    }

    /** A product's full cost rests on its own hours and its suppliers': provisional when any of them is. */
    boolean provisionalProduct(String productId) {
        Set<String> upstream = new HashSet<>();
        collectUpstream(resolve.apply(productId), upstream);
        for (String product : upstream) {
            if (anyPending(of(allocationsFor, product))) {
                return true;
            }
        }
        return false;
    }

    boolean provisionalEmployee(String employeeId) {
        return anyPending(of(allocationsOfEmployee, employeeId));
    }

    boolean provisionalCenter(String centerId) {
        for (Facts.Allocation a : pending) {
            if (centerId.equals(a.centerId)) {
                return true;
            }
        }
        return false;
    }

    boolean provisionalInstitution() {
        return !pending.isEmpty();
    }

    private boolean anyPending(Collection<Facts.Allocation> concerned) {
        for (Facts.Allocation a : concerned) {
            if (pending.contains(a)) {
                return true;
            }
        }
        return false;
    }

    private void collectUpstream(String productId, Set<String> found) {
        if (!found.add(productId)) {
            return;
        }
        for (Facts.Link link : of(suppliersOf, productId)) {
            collectUpstream(resolve.apply(link.supplierId), found);
        }
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
        if (method == CostingMethod.CLASSIC || sharesNonLabour) {
            for (Facts.Employee colleague : of(staffOf, centerId)) {
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
