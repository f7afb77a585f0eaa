package org.ppi.costing.figures;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CenterCost;
import org.ppi.costing.rules.CostingIndex;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.rules.CostingResult;
import org.ppi.costing.rules.CostingRules;
import org.ppi.costing.rules.DirectCost;
import org.ppi.costing.rules.EmployeeCost;
import org.ppi.costing.rules.EmployeeInput;
import org.ppi.costing.rules.FullCosts;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.rules.Reconciliation;
import org.ppi.costing.state.Change;
import org.ppi.costing.state.InstitutionState;

/**
 * Applies the rules after one event, recomputing only what depends on it: the direct cost of the products
 * whose allocations or hour price changed (a center's products under the classic method, an employee's under
 * the individual one), the employees and centers involved; full costs are then settled over the link graph
 * from the cached direct costs, and the totals summed. The result is the same as a full computation — a test
 * checks it on every event of the demo institution.
 */
@org.springframework.stereotype.Component
public final class Recalculator {

    public Recalculation recalculate(InstitutionState state, Change change, CostFigures previous) {
        CostingInput input = state.toInput();
        if (previous == null || previous.totals() == null || change.everything()) {
            return relabel(diff(full(input), previous == null ? CostFigures.empty() : previous), change);
        }
        CostingRules rules = CostingRules.prepare(input);
        CostingIndex index = rules.index();

        Set<String> dirtyProducts = new LinkedHashSet<>(change.products());
        change.repricedCenters().forEach(c -> dirtyProducts.addAll(rules.productsAllocatedFromCenter(c)));
        change.repricedEmployees().forEach(e -> dirtyProducts.addAll(rules.productsAllocatedByEmployee(e)));

        Map<String, Rational> directs = new TreeMap<>(previous.directs());
        Map<String, DirectCost.Figures> fresh = new HashMap<>();
        directs.keySet().retainAll(input.products().keySet());
        for (String id : input.products().keySet()) {
            if (dirtyProducts.contains(id) || !directs.containsKey(id)) {
                DirectCost.Figures figures = DirectCost.of(index, id);
                fresh.put(id, figures);
                directs.put(id, figures.direct());
            }
        }
        FullCosts full = rules.fullCosts(directs);

        Map<String, ProductCost> products = new TreeMap<>(previous.products());
        products.keySet().retainAll(input.products().keySet());
        for (String id : input.products().keySet()) {
            ProductCost before = products.get(id);
            boolean stale = before == null || fresh.containsKey(id) || change.links()
                    || !before.fullCost().equals(full.of(id).fullCost())
                    || before.attributed() != full.of(id).attributed() || before.sink() != full.of(id).sink();
            if (stale) {
                DirectCost.Figures figures = fresh.containsKey(id) ? fresh.get(id) : DirectCost.of(index, id);
                products.put(id, ProductCost.of(index.product(id), figures, full.of(id)));
            }
        }

        Set<String> dirtyEmployees = new LinkedHashSet<>(change.employees());
        for (String c : change.repricedCenters()) {
            index.employeesOfCenter(c).forEach(e -> dirtyEmployees.add(e.employeeId()));
        }
        Map<String, EmployeeCost> employees = new TreeMap<>(previous.employees());
        employees.keySet().retainAll(input.employees().keySet());
        for (String id : input.employees().keySet()) {
            if (dirtyEmployees.contains(id) || !employees.containsKey(id)) {
                employees.put(id, rules.employeeCost(id));
            }
        }

        Set<String> dirtyCenters = new LinkedHashSet<>(change.centers());
        for (String e : dirtyEmployees) {
            EmployeeInput employee = input.employees().get(e);
            if (employee != null) {
                employee.spells().forEach(spell -> dirtyCenters.add(spell.centerId()));
            }
        }
        Map<String, CenterCost> centers = new TreeMap<>(previous.centers());
        centers.keySet().retainAll(index.centerIds());
        for (String id : index.centerIds()) {
            if (dirtyCenters.contains(id) || !centers.containsKey(id)) {
                centers.put(id, rules.centerCost(id));
            }
        }
        var totals = Reconciliation.of(products.values(), centers.values(), employees.values(), full);
        return relabel(diff(new CostFigures(products, employees, centers, directs, totals), previous), change);
    }

    /** Figures whose labels changed are rewritten too (their values are the same, so nothing is republished). */
    private static Recalculation relabel(Recalculation recalculation, Change change) {
        CostFigures now = recalculation.figures();
        if (change.validation()) {
            // values stay; every figure's provisional mark may change, and the institution's is published again
            recalculation.changedProducts().addAll(now.products().keySet());
            recalculation.changedEmployees().addAll(now.employees().keySet());
            recalculation.changedCenters().addAll(now.centers().keySet());
            recalculation = new Recalculation(now, recalculation.changedProducts(), recalculation.changedEmployees(),
                    recalculation.changedCenters(), true);
        }
        change.relabeledProducts().stream().filter(now.products()::containsKey).forEach(recalculation.changedProducts()::add);
        change.relabeledEmployees().stream().filter(now.employees()::containsKey).forEach(recalculation.changedEmployees()::add);
        change.relabeledCenters().stream().filter(now.centers()::containsKey).forEach(recalculation.changedCenters()::add);
        return recalculation;
    }

    /** Every figure from scratch: what as-of queries and the consistency checks use. */
    public CostFigures full(CostingInput input) {
        CostingResult result = CostingRules.compute(input);
        Map<String, Rational> directs = new TreeMap<>();
        result.products().forEach((id, p) -> directs.put(id, p.direct()));
        return new CostFigures(new TreeMap<>(result.products()), new TreeMap<>(result.employees()),
                new TreeMap<>(result.centers()), directs, result.totals());
    }

    private static Recalculation diff(CostFigures now, CostFigures before) {
        return new Recalculation(now, changed(now.products(), before.products()),
                changed(now.employees(), before.employees()), changed(now.centers(), before.centers()),
                !Objects.equals(now.totals(), before.totals()));
    }

    private static <T> Set<String> changed(Map<String, T> now, Map<String, T> before) {
        Set<String> keys = new LinkedHashSet<>();
        now.forEach((id, figure) -> {
            if (!figure.equals(before.get(id))) {
                keys.add(id);
            }
        });
        before.keySet().forEach(id -> {
            if (!now.containsKey(id)) {
                keys.add(id);
            }
        });
        return keys;
    }
}
