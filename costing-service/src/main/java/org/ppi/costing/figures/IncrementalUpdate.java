package org.ppi.costing.figures;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.AllocationInput;
import org.ppi.costing.rules.CenterCapacity;
import org.ppi.costing.rules.CenterInput;
import org.ppi.costing.rules.CostingIndex;
import org.ppi.costing.rules.DirectCost;
import org.ppi.costing.rules.EmployeeInput;
import org.ppi.costing.rules.FullCost;
import org.ppi.costing.rules.InstitutionTotals;
import org.ppi.costing.rules.LinkGraph;
import org.ppi.costing.rules.ProductCost;
import org.ppi.costing.rules.ProductInput;
import org.ppi.costing.rules.Reconciliation;
import org.ppi.costing.rules.StaffingSpell;
import org.ppi.costing.rules.StepDownAllocation;
import org.ppi.costing.rules.UnusedCapacity;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.Change;
import org.ppi.costing.state.FiscalYear;
import org.ppi.costing.state.InstitutionState;

/**
 * Carries one change of the survey (an allocation, a staffing fact, a center's non-labour, a product's volume) into
 * figures already computed, doing work proportional to what it reaches, not to the institution:
 * <ol>
 *   <li>the index is updated in place: the employees the change names are re-indexed from the state (their spells
 *       and their rows only), the centers and products it names get their new inputs, the touched centers'
 *       capacity is recomputed;</li>
 *   <li>a center whose payroll, staff-years, capacity hours or non-labour moved reprices all the hours spent in it:
 *       its staff's rows and figures are recomputed;</li>
 *   <li>the products whose rows or prices changed get their direct cost again, and full costs are settled again
 *       from them downstream only ({@link StepDownAllocation#resettle});</li>
 *   <li>the institution's totals swap out the figures that changed and swap in the new ones
 *       ({@link Reconciliation#from}).</li>
 * </ol>
 * A change of the link graph (a product registered, retyped, merged or retired, a link, a chain) replaces the graph's
 * nodes and edges in the index ({@link #replaceGraph}), re-indexes the employees whose rows named a product that came,
 * went or changed, and settles full costs again downstream of what the new graph settles on other terms
 * ({@link LinkGraph#differencesFrom}; no labour is priced again, no employee or center outside those rows is touched);
 * only the products whose figures differ are rewritten. Changes to the whole
 * institution (method, week, fiscal year) are not handled here: the {@link Recalculator} recomputes everything for
 * them. A test compares the result with a full computation after every event of random institutions.
 */
final class IncrementalUpdate {
    private final InstitutionState state;
    private final Change change;
    private final CostFigures figures;
    private final CostingIndex index;
    private final FiscalYear year;

    private final Set<String> dirtyProducts = new TreeSet<>();
    private final Set<String> dirtyEmployees = new TreeSet<>();
    private final Set<String> dirtyCenters = new TreeSet<>();
    private final Set<String> repricedCenters = new TreeSet<>();
    /** Employees whose rows named a product of the link graph that came, went or changed. */
    private final Set<String> regraphedEmployees = new TreeSet<>();
    /** Products that left the graph (retired, merged away): their figures go. */
    private final Set<String> removedProducts = new TreeSet<>();
    /** Products the new graph settles on other terms than the old one (null: the graph did not change). */
    private Set<String> regraphed;
    private final CostFigures before = CostFigures.empty();

    IncrementalUpdate(InstitutionState state, Change change, CostFigures figures) {
        this.state = state;
        this.change = change;
        this.figures = figures;
        this.index = figures.index();
        this.year = state.currentYear();
    }

    Recalculation apply() {
        if (change.links()) {
            replaceGraph();
        }
        updateCenters();
        updateProducts();
        updateEmployees();
        repriceCenters();
        Set<String> changedProducts = recomputeProducts();
        Set<String> changedEmployees = recomputeEmployees();
        Set<String> changedCenters = recomputeCenters();
        InstitutionTotals totals = totals(changedProducts, changedEmployees, changedCenters);
        FigureCounts counts = counts(changedProducts, changedEmployees, changedCenters);
        InstitutionTotals previous = figures.totals();
        return new Recalculation(figures.with(totals, counts), changedProducts, changedEmployees, changedCenters,
                !totals.equals(previous), before.with(previous, figures.counts()));
    }

    private FigureCounts counts(Set<String> products, Set<String> employees, Set<String> centers) {
        FigureCounts counts = figures.counts();
        for (String id : products) {
            counts = counts.swap(before.products().get(id), figures.products().get(id));
        }
        for (String id : employees) {
            counts = counts.swap(before.employees().get(id), figures.employees().get(id));
        }
        for (String id : centers) {
            counts = counts.swap(before.centers().get(id), figures.centers().get(id));
        }
        return counts;
    }

    /**
     * The graph's nodes and edges as the state says now. A product whose input came, went or changed is recomputed, and
     * every employee with rows of it (before, in the index, or now, in the state) is re-indexed: a product registered
     * after its hours gains them, a merged or retired one's rows go (to the product it was merged into, or nowhere).
     */
    private void replaceGraph() {
        LinkGraph old = index.graph();
        // every event that changes a product's input names the product: only those are read again
        Map<String, ProductInput> now = new HashMap<>(index.products());
        Set<String> changedProducts = new TreeSet<>();
        for (String id : change.products()) {
            ProductInput input = state.productInput(id);
            if (Objects.equals(input, now.get(id))) {
                continue;
            }
            changedProducts.add(id);
            index.allocationsOfProduct(id).forEach(row -> regraphedEmployees.add(row.employeeId()));
            regraphedEmployees.addAll(state.employeesAllocatingTo(id));
            if (input != null) {
                now.put(id, input);
                dirtyProducts.add(id);
            } else {
                now.remove(id);
                removedProducts.add(id);
            }
        }
        index.replaceGraph(now, state.linkInputs(now));
        regraphed = new TreeSet<>(index.graph().differencesFrom(old, changedProducts));
        regraphed.removeAll(removedProducts);
    }

    private void updateCenters() {
        Set<String> named = new TreeSet<>(change.centers());
        named.addAll(change.repricedCenters());
        for (String centerId : named) {
            CenterInput now = state.centerInput(centerId, year);
            CenterInput was = index.center(centerId);
            if (now != null && !now.equals(was)) {
                index.putCenter(now);
                if (was == null || !now.nonLabour().equals(was.nonLabour())) {
                    repricedCenters.add(centerId);
                }
            }
            dirtyCenters.add(centerId);
        }
    }

    /** A product named by the change gets its new input (a volume); its figures are recomputed. */
    private void updateProducts() {
        for (String productId : change.products()) {
            ProductInput now = state.productInput(productId);
            ProductInput was = index.products().get(productId);
            if (now != null && was != null) {
                if (!now.equals(was)) {
                    index.putProduct(now);
                }
                dirtyProducts.add(productId);
            }
        }
    }

    private void updateEmployees() {
        Set<String> named = new TreeSet<>(change.employees());
        named.addAll(change.repricedEmployees());
        named.addAll(regraphedEmployees);
        for (String employeeId : named) {
            EmployeeInput was = index.employees().get(employeeId);
            EmployeeInput now = state.employeeInput(employeeId, year);
            List<AllocationInput> oldRows = index.allocationsOfEmployee(employeeId);
            List<AllocationInput> rows = state.allocationInputsOf(employeeId, now, Basis.ALL, index.products()::containsKey);
            Map<String, CenterCapacity> capacityBefore = new HashMap<>();
            for (EmployeeInput e : new EmployeeInput[] {was, now}) {
                if (e != null) {
                    e.spells().stream().map(StaffingSpell::centerId).forEach(c -> capacityBefore.put(c, index.capacity(c)));
                }
            }
            Set<String> touched = index.replaceEmployee(employeeId, now, rows);
            for (String centerId : touched) {
                if (pricesMoved(capacityBefore.get(centerId), index.capacity(centerId))) {
                    repricedCenters.add(centerId);
                }
            }
            dirtyCenters.addAll(touched);
            dirtyEmployees.add(employeeId);
            markChangedRows(oldRows, index.allocationsOfEmployee(employeeId), !Objects.equals(was, now));
        }
    }

    /** The products of rows that differ; all of the employee's when the employee's own spells (and prices) changed. */
    private void markChangedRows(List<AllocationInput> oldRows, List<AllocationInput> newRows, boolean repriced) {
        Set<AllocationInput> kept = new LinkedHashSet<>(oldRows);
        kept.retainAll(newRows);
        for (List<AllocationInput> rows : List.of(oldRows, newRows)) {
            for (AllocationInput row : rows) {
                if (repriced || !kept.contains(row)) {
                    dirtyProducts.add(row.productId());
                }
            }
        }
    }

    /** What every hour of a center is priced and shared on: payroll, staff-years and capacity hours. */
    private static boolean pricesMoved(CenterCapacity before, CenterCapacity after) {
        if (before == null || after == null) {
            return before != after;
        }
        return !before.payroll().equals(after.payroll()) || !before.staffYears().equals(after.staffYears())
                || !before.capacityHours().equals(after.capacityHours());
    }

    /** Every hour spent in a repriced center is worth something else: its staff's rows and figures follow. */
    private void repriceCenters() {
        for (String centerId : repricedCenters) {
            dirtyCenters.add(centerId);
            for (EmployeeInput e : index.employeesOfCenter(centerId)) {
                dirtyEmployees.add(e.employeeId());
                index.allocationsOfEmployee(e.employeeId()).forEach(row -> dirtyProducts.add(row.productId()));
            }
        }
    }

    private Set<String> recomputeProducts() {
        Map<String, ProductCost> products = figures.products();
        Map<String, Rational> directs = figures.directs();
        Map<String, DirectCost.Figures> fresh = new HashMap<>();
        List<String> directChanged = new ArrayList<>();
        for (String id : dirtyProducts) {
            if (!index.products().containsKey(id)) {
                continue; // gone from the graph: below
            }
            DirectCost.Figures direct = DirectCost.of(index, id);
            fresh.put(id, direct);
            if (!direct.direct().equals(directs.get(id))) {
                directChanged.add(id);
                directs.put(id, direct.direct());
            }
        }
        removedProducts.forEach(directs::remove);
        // settled again downstream of the changed direct costs and of what the new graph (if any) settles differently
        Set<String> starts = new LinkedHashSet<>(directChanged);
        if (regraphed != null) {
            starts.addAll(regraphed);
        }
        Map<String, FullCost> settled = StepDownAllocation.resettle(index.graph(), starts, directs::get,
                id -> fullCostOf(products.get(id)));
        Set<String> reached = new TreeSet<>(dirtyProducts);
        reached.addAll(settled.keySet());
        reached.removeIf(id -> !index.products().containsKey(id));
        Set<String> changed = new LinkedHashSet<>();
        for (String id : reached) {
            ProductCost was = products.get(id);
            FullCost full = settled.containsKey(id) ? settled.get(id) : fullCostOf(was);
            if (regraphed != null && was != null && !dirtyProducts.contains(id) && full.equals(fullCostOf(was))) {
                continue; // the new graph left it as it was
            }
            DirectCost.Figures direct = fresh.containsKey(id) ? fresh.get(id) : directOf(was);
            ProductCost now = ProductCost.of(index.product(id), direct, full);
            if (!now.equals(was)) {
                before.products().put(id, was);
                products.put(id, now);
                changed.add(id);
            }
        }
        for (String id : removedProducts) {
            ProductCost was = products.remove(id);
            if (was != null) {
                before.products().put(id, was);
                changed.add(id);
            }
        }
        return changed;
    }

    private Set<String> recomputeEmployees() {
        return recompute(dirtyEmployees, figures.employees(), before.employees(),
                id -> index.employees().containsKey(id) ? UnusedCapacity.ofEmployee(index, id) : null);
    }

    private Set<String> recomputeCenters() {
        return recompute(dirtyCenters, figures.centers(), before.centers(),
                id -> index.centerIds().contains(id) ? UnusedCapacity.ofCenter(index, id) : null);
    }

    /** Recomputes each figure named; one that differs replaces the current one (null: gone), its old value kept. */
    private static <T> Set<String> recompute(Set<String> ids, Map<String, T> current, Map<String, T> previous,
                                             java.util.function.Function<String, T> compute) {
        Set<String> changed = new LinkedHashSet<>();
        for (String id : ids) {
            T was = current.get(id);
            T now = compute.apply(id);
            if (!Objects.equals(was, now)) {
                previous.put(id, was);
                if (now == null) {
                    current.remove(id);
                } else {
                    current.put(id, now);
                }
                changed.add(id);
            }
        }
        return changed;
    }

    private InstitutionTotals totals(Set<String> products, Set<String> employees, Set<String> centers) {
        Reconciliation sums = Reconciliation.from(figures.totals());
        for (String id : products) {
            swap(before.products().get(id), figures.products().get(id), sums::remove, sums::add);
        }
        for (String id : employees) {
            swap(before.employees().get(id), figures.employees().get(id), sums::remove, sums::add);
        }
        for (String id : centers) {
            swap(before.centers().get(id), figures.centers().get(id), sums::remove, sums::add);
        }
        return sums.totals();
    }

    private static <T> void swap(T was, T now, java.util.function.Consumer<T> out, java.util.function.Consumer<T> in) {
        if (was != null) {
            out.accept(was);
        }
        if (now != null) {
            in.accept(now);
        }
    }

    private static FullCost fullCostOf(ProductCost p) {
        return new FullCost(p.productId(), p.direct(), p.inflows(), p.fullCost(), p.attributed(), p.sink());
    }

    private static DirectCost.Figures directOf(ProductCost p) {
        return new DirectCost.Figures(p.productId(), p.labourRows(), p.labour(), p.nonLabour(), p.direct());
    }
}
