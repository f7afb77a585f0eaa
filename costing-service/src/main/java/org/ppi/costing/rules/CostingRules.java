package org.ppi.costing.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * The costing rules of DOMAIN.md behind one door: a snapshot in, exact figures out, nothing else read or
 * written. The static methods index the snapshot on each call; a projection that needs several figures of
 * the same snapshot should {@link #prepare} it once and use the instance methods, which share the index.
 *
 * <p>Incremental use: the projection keeps the {@link CostingIndex} between events and updates it in place, then
 * applies the same rules to what a change reaches (figures.IncrementalUpdate); {@link StepDownAllocation#resettle}
 * settles full costs downstream of the changed products only, and {@link Reconciliation#from} keeps the totals.
 */
public final class CostingRules {

    private final CostingIndex index;

    private CostingRules(CostingIndex index) {
        this.index = index;
    }

    public static CostingRules prepare(CostingInput input) {
        return new CostingRules(CostingIndex.of(input));
    }

    public static CostingResult compute(CostingInput input) {
        return prepare(input).compute();
    }

    public static ProductCost productCost(CostingInput input, String productId) {
        return prepare(input).productCost(productId);
    }

    public static EmployeeCost employeeCost(CostingInput input, String employeeId) {
        return prepare(input).employeeCost(employeeId);
    }

    public static CenterCost centerCost(CostingInput input, String centerId) {
        return prepare(input).centerCost(centerId);
    }

    /**
     * Step-down over the whole link graph from direct costs the caller already holds. A product missing from
     * {@code directByProduct} has its direct cost computed from the input, so a partial map is never
     * silently read as zero.
     */
    public static FullCosts fullCosts(CostingInput input, Map<String, Rational> directByProduct) {
        return prepare(input).fullCosts(directByProduct);
    }

    public CostingIndex index() {
        return index;
    }

    public CostingResult compute() {
        Map<String, DirectCost.Figures> directs = new HashMap<>();
        for (String productId : index.products().keySet()) {
            directs.put(productId, DirectCost.of(index, productId));
        }
        FullCosts full = StepDownAllocation.allocate(index.graph(), id -> directs.get(id).direct());
        SortedMap<String, ProductCost> products = new TreeMap<>();
        for (ProductInput p : index.products().values()) {
            products.put(p.productId(), ProductCost.of(p, directs.get(p.productId()), full.of(p.productId())));
        }
        SortedMap<String, EmployeeCost> employees = new TreeMap<>();
        for (String employeeId : index.employees().keySet()) {
            employees.put(employeeId, UnusedCapacity.ofEmployee(index, employeeId));
        }
        SortedMap<String, CenterCost> centers = new TreeMap<>();
        for (String centerId : index.centerIds()) {
            centers.put(centerId, UnusedCapacity.ofCenter(index, centerId));
        }
        InstitutionTotals totals = Reconciliation.of(products.values(), centers.values(), employees.values(), full);
        return new CostingResult(index.method(), index.weeklyHours(), products, employees, centers,
                new TreeMap<>(full.unattributed()), totals);
    }

    /** One product, its full cost settled over its upstream only. */
    public ProductCost productCost(String productId) {
        ProductInput product = index.product(productId);
        FullCost full = StepDownAllocation.of(index.graph(), productId, this::directCost);
        return ProductCost.of(product, DirectCost.of(index, productId), full);
    }

    public Rational directCost(String productId) {
        return DirectCost.of(index, productId).direct();
    }

    public EmployeeCost employeeCost(String employeeId) {
        return UnusedCapacity.ofEmployee(index, employeeId);
    }

    public CenterCost centerCost(String centerId) {
        return UnusedCapacity.ofCenter(index, centerId);
    }

    public FullCosts fullCosts(Map<String, Rational> directByProduct) {
        return StepDownAllocation.allocate(index.graph(), id -> {
            Rational given = directByProduct.get(id);
            return given != null ? given : directCost(id);
        });
    }

    /** The products whose full cost changes when these products' direct costs change, in topological order. */
    public List<String> downstreamOf(Set<String> productIds) {
        Set<String> result = new LinkedHashSet<>();
        for (String id : productIds) {
            if (index.products().containsKey(id)) {
                result.addAll(index.graph().downstreamOf(id));
            }
        }
        List<String> ordered = new ArrayList<>(result);
        List<String> order = index.graph().order();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        ordered.sort((a, b) -> Integer.compare(position.get(a), position.get(b)));
        return ordered;
    }
}
