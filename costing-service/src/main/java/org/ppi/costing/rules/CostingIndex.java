package org.ppi.costing.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;

/**
 * A {@link CostingInput} indexed once (allocations by product, by employee and by center; center payroll,
 * head count and capacity), so that each rule only touches the rows it needs and the whole institution
 * costs in linear time. Build it once per snapshot and reuse it for every figure of that snapshot.
 */
public final class CostingIndex {

    private final CostingInput input;
    private final Map<String, List<AllocationInput>> byProduct = new HashMap<>();
    private final Map<String, List<AllocationInput>> byEmployee = new HashMap<>();
    private final Map<String, List<EmployeeInput>> employeesByCenter = new HashMap<>();
    private final Map<AllocationInput, List<StaffingSpell>> spellsOfAllocation = new HashMap<>();
    private final Map<String, CenterCapacity> capacities = new HashMap<>();
    private final Set<String> centerIds = new TreeSet<>();
    private LinkGraph graph;

    private CostingIndex(CostingInput input) {
        this.input = input;
        indexEmployees();
        indexAllocations();
        centerIds.addAll(input.centers().keySet());
        centerIds.addAll(employeesByCenter.keySet());
        for (String centerId : centerIds) {
            capacities.put(centerId, CenterCapacity.of(this, centerId));
        }
    }

    public static CostingIndex of(CostingInput input) {
        return new CostingIndex(input);
    }

    private void indexEmployees() {
        input.employees().values().stream()
                .sorted((a, b) -> a.employeeId().compareTo(b.employeeId()))
                .forEach(e -> e.spells().stream().map(StaffingSpell::centerId).distinct()
                        .forEach(c -> employeesByCenter.computeIfAbsent(c, k -> new ArrayList<>()).add(e)));
    }

    /**
     * Merges repeated (employee, product, center) rows so each is one labour row, in first-seen order. A row
     * naming an employee or product outside the snapshot is rejected: its labour would leave the employee's
     * capacity without reaching any product, and the institution would silently stop reconciling.
     */
    private void indexAllocations() {
        Map<List<String>, Rational> merged = new LinkedHashMap<>();
        Map<List<String>, String> centerOf = new HashMap<>();
        for (AllocationInput a : input.allocations()) {
            if (!input.employees().containsKey(a.employeeId()) || !input.products().containsKey(a.productId())) {
                throw new IllegalArgumentException("allocation " + a.employeeId() + " → " + a.productId()
                        + " refers to an employee or product outside the snapshot");
            }
            List<String> key = List.of(a.employeeId(), a.productId(), a.centerId() == null ? "" : a.centerId());
            merged.merge(key, a.hours(), Rational::plus);
            centerOf.put(key, a.centerId());
        }
        merged.forEach((key, hours) -> {
            AllocationInput row = new AllocationInput(key.get(0), key.get(1), hours, centerOf.get(key));
            spellsOfAllocation.put(row, applicableSpells(input.employees().get(row.employeeId()), row.centerId()));
            byProduct.computeIfAbsent(row.productId(), k -> new ArrayList<>()).add(row);
            byEmployee.computeIfAbsent(row.employeeId(), k -> new ArrayList<>()).add(row);
        });
    }

    /** The employee's spells in the interview's center; all of them when there is none (or no center). */
    private static List<StaffingSpell> applicableSpells(EmployeeInput e, String centerId) {
        List<StaffingSpell> inCenter = centerId == null ? List.of()
                : e.spells().stream().filter(s -> s.centerId().equals(centerId)).toList();
        return inCenter.isEmpty() ? e.spells() : inCenter;
    }

    /** The spells an allocation's hours count for (see {@link AllocationInput}). */
    public List<StaffingSpell> spellsOf(AllocationInput allocation) {
        List<StaffingSpell> spells = spellsOfAllocation.get(allocation);
        return spells != null ? spells : applicableSpells(employee(allocation.employeeId()), allocation.centerId());
    }

    public CostingInput input() {
        return input;
    }

    public CostingMethod method() {
        return input.method();
    }

    public Rational weeklyHours() {
        return input.weeklyHours();
    }

    public List<AllocationInput> allocationsOfProduct(String productId) {
        return byProduct.getOrDefault(productId, List.of());
    }

    public List<AllocationInput> allocationsOfEmployee(String employeeId) {
        return byEmployee.getOrDefault(employeeId, List.of());
    }

    public List<EmployeeInput> employeesOfCenter(String centerId) {
        return employeesByCenter.getOrDefault(centerId, List.of());
    }

    /** Centers of the snapshot plus centers only known through their employees (kept so totals reconcile). */
    public Set<String> centerIds() {
        return Collections.unmodifiableSet(centerIds);
    }

    public EmployeeInput employee(String employeeId) {
        EmployeeInput e = input.employees().get(employeeId);
        if (e == null) {
            throw new IllegalArgumentException("unknown employee " + employeeId);
        }
        return e;
    }

    public ProductInput product(String productId) {
        ProductInput p = input.products().get(productId);
        if (p == null) {
            throw new IllegalArgumentException("unknown product " + productId);
        }
        return p;
    }

    /** A center missing from the snapshot has no recorded non-labour cost: ZERO, as DOMAIN.md says. */
    public Rational nonLabour(String centerId) {
        CenterInput c = input.centers().get(centerId);
        return c == null ? Rational.ZERO : c.nonLabour();
    }

    public CenterCapacity capacity(String centerId) {
        CenterCapacity c = capacities.get(centerId);
        return c != null ? c : CenterCapacity.of(this, centerId);
    }

    /** Contracted weekly hours of a spell, the standard week W when not recorded. */
    public Rational contractedHours(StaffingSpell s) {
        return s.contractedHours() == null ? input.weeklyHours() : s.contractedHours();
    }

    /** The employee's contracted weekly hours on average over the time worked: Σ share × hours / Σ share. */
    public Rational contractedHours(EmployeeInput e) {
        Rational weighted = Rational.ZERO;
        for (StaffingSpell s : e.spells()) {
            weighted = weighted.plus(contractedHours(s).times(s.yearShare()));
        }
        return weighted.dividedBy(e.yearShare());
    }

    /** The link graph, validated (cycle check) on first use only: direct-cost-only callers never pay for it. */
    public synchronized LinkGraph graph() {
        if (graph == null) {
            graph = LinkGraph.of(input.products(), input.links());
        }
        return graph;
    }
}
