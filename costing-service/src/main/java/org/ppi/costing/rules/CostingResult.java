package org.ppi.costing.rules;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;

/**
 * All figures of one snapshot. Maps are sorted by id so that publishing them, or comparing two replays,
 * is deterministic. {@code unattributed}: each sink intermediate → what it sends to central actions.
 */
public record CostingResult(CostingMethod method, Rational weeklyHours, SortedMap<String, ProductCost> products,
                            SortedMap<String, EmployeeCost> employees, SortedMap<String, CenterCost> centers,
                            SortedMap<String, Rational> unattributed, InstitutionTotals totals) {

    public CostingResult {
        products = sorted(products);
        employees = sorted(employees);
        centers = sorted(centers);
        unattributed = sorted(unattributed);
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    public ProductCost product(String productId) {
        return require(products, productId);
    }

    public EmployeeCost employee(String employeeId) {
        return require(employees, employeeId);
    }

    public CenterCost center(String centerId) {
        return require(centers, centerId);
    }

    /** Σ fullCost of terminal products, the figure programs are built from. */
    public Rational terminalFullCost() {
        return totals.terminalFullCost();
    }

    /** Products with no unit cost because their volume is unknown or not positive. */
    public List<String> volumeGaps() {
        return products.values().stream().filter(ProductCost::volumeGap).map(ProductCost::productId).toList();
    }

    public List<String> terminalProducts() {
        return products.values().stream().filter(p -> p.type() == ProductType.TERMINAL)
                .map(ProductCost::productId).toList();
    }

    private static <V> V require(Map<String, V> map, String id) {
        V value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("no figures for " + id);
        }
        return value;
    }
}
