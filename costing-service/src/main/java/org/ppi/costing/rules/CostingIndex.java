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
                .forEach(e -> employeesByCenter.computeIfAbsent(e.centerId(), k -> new ArrayList<>()).add(e));
    }

    /**
     * Merges repeated (employee, product) rows so each pair is one labour row, in first-seen order. A row
     * naming an employee or product outside the snapshot is rejected: its labour would leave the employee's
     * capacity without reaching any product, and the institution would silently stop reconciling.
     */
    private void indexAllocations() {
        Map<List<String>, Rational> merged = new LinkedHashMap<>();
        for (AllocationInput a : input.allocations()) {
            if (!input.employees().containsKey(a.employeeId()) || !input.products().containsKey(a.productId())) {
                throw new IllegalArgumentException("allocation " + a.employeeId() + " → " + a.productId()
                        + " refers to an employee or product outside the snapshot");
            }
            merged.merge(List.of(a.employeeId(), a.productId()), a.hours(), Rational::plus);
        }
        merged.forEach((key, hours) -> {
            AllocationInput row = new AllocationInput(key.get(0), key.get(1), hours);
            byProduct.computeIfAbsent(row.productId(), k -> new ArrayList<>()).add(row);
            byEmployee.computeIfAbsent(row.employeeId(), k -> new ArrayList<>()).add(row);
        });
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

    /** Contracted weekly hours, the standard week W when not recorded. */
    public Rational contractedHours(EmployeeInput e) {
        return e.contractedHours() == null ? input.weeklyHours() : e.contractedHours();
    }

    /** The link graph, validated (cycle check) on first use only: direct-cost-only callers never pay for it. */
    public synchronized LinkGraph graph() {
        if (graph == null) {
            graph = LinkGraph.of(input.products(), input.links());
        }
        return graph;
    }
}
