package org.ppi.costing.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;

/**
 * A {@link CostingInput} indexed once (allocations by product, by employee and by center; center payroll,
 * head count and capacity), so that each rule only touches the rows it needs and the whole institution
 * costs in linear time. Build it once per snapshot and reuse it for every figure of that snapshot.
 *
 * <p>The projection keeps one index per institution between events and updates it in place with what an event
 * changed ({@link #replaceEmployee}, {@link #putCenter}, {@link #putProduct}): an allocation or staffing change
 * re-indexes one employee and the capacity of the centers it touches, never the institution. A product's rows are
 * kept in (employee, center) order, so the index reached by updates and the one built from a snapshot list the
 * same rows in the same order.
 */
public final class CostingIndex {

    private final CostingMethod method;
    private final Rational weeklyHours;
    private List<LinkInput> links;
    private final Map<String, CenterInput> centers;
    private final Map<String, EmployeeInput> employees;
    private Map<String, ProductInput> products;
    private final Map<String, SortedMap<String, AllocationInput>> byProduct = new HashMap<>();
    private final Map<String, List<AllocationInput>> byEmployee = new HashMap<>();
    private final Map<String, SortedMap<String, EmployeeInput>> employeesByCenter = new HashMap<>();
    private final Map<AllocationInput, List<StaffingSpell>> spellsOfAllocation = new HashMap<>();
    private final Map<String, CenterCapacity> capacities = new HashMap<>();
    private final Set<String> centerIds = new TreeSet<>();
    private LinkGraph graph;

    private CostingIndex(CostingInput input) {
        this.method = input.method();
        this.weeklyHours = input.weeklyHours();
        this.links = input.links();
        this.centers = new HashMap<>(input.centers());
        this.employees = new HashMap<>(input.employees());
        this.products = new HashMap<>(input.products());
        employees.values().stream()
                .sorted((a, b) -> a.employeeId().compareTo(b.employeeId()))
                .forEach(this::addToCenters);
        Map<String, List<AllocationInput>> rowsByEmployee = new LinkedHashMap<>();
        for (AllocationInput a : input.allocations()) {
            rowsByEmployee.computeIfAbsent(a.employeeId(), k -> new ArrayList<>()).add(a);
        }
        rowsByEmployee.forEach(this::addRows);
        centerIds.addAll(centers.keySet());
        centerIds.addAll(employeesByCenter.keySet());
        for (String centerId : centerIds) {
            capacities.put(centerId, CenterCapacity.of(this, centerId));
        }
    }

    public static CostingIndex of(CostingInput input) {
        return new CostingIndex(input);
    }

    /**
     * Replaces what the index holds of one employee: the input ({@code null} when the employee has no time in the
     * year) and all of the employee's allocation rows. Recomputes the capacity of every center the employee's old
     * or new spells are in, and returns those centers.
     */
    public Set<String> replaceEmployee(String employeeId, EmployeeInput employee, List<AllocationInput> rows) {
        Set<String> touched = new TreeSet<>();
        EmployeeInput old = employees.remove(employeeId);
        if (old != null) {
            for (StaffingSpell s : old.spells()) {
                touched.add(s.centerId());
                SortedMap<String, EmployeeInput> staff = employeesByCenter.get(s.centerId());
                if (staff != null) {
                    staff.remove(employeeId);
                    if (staff.isEmpty()) {
                        employeesByCenter.remove(s.centerId());
                    }
                }
            }
        }
        for (AllocationInput row : byEmployee.getOrDefault(employeeId, List.of())) {
            SortedMap<String, AllocationInput> ofProduct = byProduct.get(row.productId());
            ofProduct.remove(rowKey(row));
            if (ofProduct.isEmpty()) {
                byProduct.remove(row.productId());
            }
            spellsOfAllocation.remove(row);
        }
        byEmployee.remove(employeeId);
        if (employee != null) {
            employees.put(employeeId, employee);
            addToCenters(employee);
            employee.spells().forEach(s -> touched.add(s.centerId()));
        }
        addRows(employeeId, rows);
        for (String centerId : touched) {
            refreshCenter(centerId);
        }
        return touched;
    }

    /** Records a center's input (its area or non-labour cost changed) and recomputes its capacity. */
    public void putCenter(CenterInput center) {
        centers.put(center.centerId(), center);
        refreshCenter(center.centerId());
    }

    /**
     * Records a product's new input with the same type (a volume change). A product added, removed or retyped
     * changes the link graph: {@link #replaceGraph}.
     */
    public void putProduct(ProductInput product) {
        ProductInput old = products.get(product.productId());
        if (old == null || old.type() != product.type()) {
            throw new IllegalArgumentException("product " + product.productId() + " would change the link graph");
        }
        products.put(product.productId(), product);
    }

    /**
     * Records the link graph's new nodes and edges (a product registered, retyped, merged or retired, a link or a
     * chain changed); the graph is built again on its next use. The rows of a product no longer in the graph stay
     * until their employees are replaced ({@link #replaceEmployee}): the caller replaces every employee with rows of
     * a product that came, went or changed.
     */
    public void replaceGraph(Map<String, ProductInput> newProducts, List<LinkInput> newLinks) {
        products = new HashMap<>(newProducts); // a new map: the graph built on the old one keeps answering for it
        links = List.copyOf(newLinks);
        synchronized (this) {
            graph = null;
        }
    }

    private void refreshCenter(String centerId) {
        if (centers.containsKey(centerId) || employeesByCenter.containsKey(centerId)) {
            centerIds.add(centerId);
            capacities.put(centerId, CenterCapacity.of(this, centerId));
        } else {
            centerIds.remove(centerId);
            capacities.remove(centerId);
        }
    }

    private void addToCenters(EmployeeInput e) {
        e.spells().stream().map(StaffingSpell::centerId).distinct()
                .forEach(c -> employeesByCenter.computeIfAbsent(c, k -> new TreeMap<>()).put(e.employeeId(), e));
    }

    /**
     * Merges repeated (employee, product, center) rows of one employee so each is one labour row, in first-seen
     * order. A row naming an employee or product outside the snapshot is rejected: its labour would leave the
     * employee's capacity without reaching any product, and the institution would silently stop reconciling.
     */
    private void addRows(String employeeId, List<AllocationInput> rows) {
        Map<List<String>, Rational> merged = new LinkedHashMap<>();
        Map<List<String>, String> centerOf = new HashMap<>();
        for (AllocationInput a : rows) {
            if (!a.employeeId().equals(employeeId) || !employees.containsKey(a.employeeId())
                    || !products.containsKey(a.productId())) {
                throw new IllegalArgumentException("allocation " + a.employeeId() + " → " + a.productId()
                        + " refers to an employee or product outside the snapshot");
            }
            List<String> key = List.of(a.productId(), a.centerId() == null ? "" : a.centerId());
            merged.merge(key, a.hours(), Rational::plus);
            centerOf.put(key, a.centerId());
        }
        if (merged.isEmpty()) {
            return;
        }
        List<AllocationInput> ofEmployee = new ArrayList<>(merged.size());
        merged.forEach((key, hours) -> {
            AllocationInput row = new AllocationInput(employeeId, key.get(0), hours, centerOf.get(key));
            spellsOfAllocation.put(row, applicableSpells(employees.get(employeeId), row.centerId()));
            byProduct.computeIfAbsent(row.productId(), k -> new TreeMap<>()).put(rowKey(row), row);
            ofEmployee.add(row);
        });
        byEmployee.put(employeeId, ofEmployee);
    }

    /** A product's rows are ordered by employee, then center: the same order however the index was reached. */
    private static String rowKey(AllocationInput row) {
        return row.employeeId() + '\u0000' + (row.centerId() == null ? "" : row.centerId());
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

    public CostingMethod method() {
        return method;
    }

    public Rational weeklyHours() {
        return weeklyHours;
    }

    /** The products of the snapshot (read-only view). */
    public Map<String, ProductInput> products() {
        return Collections.unmodifiableMap(products);
    }

    /** The employees of the snapshot (read-only view). */
    public Map<String, EmployeeInput> employees() {
        return Collections.unmodifiableMap(employees);
    }

    /** The center's recorded input, null for a center known only through its employees. */
    public CenterInput center(String centerId) {
        return centers.get(centerId);
    }

    public List<AllocationInput> allocationsOfProduct(String productId) {
        SortedMap<String, AllocationInput> rows = byProduct.get(productId);
        return rows == null ? List.of() : new ArrayList<>(rows.values());
    }

    public List<AllocationInput> allocationsOfEmployee(String employeeId) {
        return byEmployee.getOrDefault(employeeId, List.of());
    }

    /** The center's staff of the year, in employee order. */
    public List<EmployeeInput> employeesOfCenter(String centerId) {
        SortedMap<String, EmployeeInput> staff = employeesByCenter.get(centerId);
        return staff == null ? List.of() : new ArrayList<>(staff.values());
    }

    /** Centers of the snapshot plus centers only known through their employees (kept so totals reconcile). */
    public Set<String> centerIds() {
        return Collections.unmodifiableSet(centerIds);
    }

    public EmployeeInput employee(String employeeId) {
        EmployeeInput e = employees.get(employeeId);
        if (e == null) {
            throw new IllegalArgumentException("unknown employee " + employeeId);
        }
        return e;
    }

    public ProductInput product(String productId) {
        ProductInput p = products.get(productId);
        if (p == null) {
            throw new IllegalArgumentException("unknown product " + productId);
        }
        return p;
    }

    /** A center missing from the snapshot has no recorded non-labour cost: ZERO, as DOMAIN.md says. */
    public Rational nonLabour(String centerId) {
        CenterInput c = centers.get(centerId);
        return c == null ? Rational.ZERO : c.nonLabour();
    }

    public CenterCapacity capacity(String centerId) {
        CenterCapacity c = capacities.get(centerId);
        return c != null ? c : CenterCapacity.of(this, centerId);
    }

    /** Contracted weekly hours of a spell, the standard week W when not recorded. */
    public Rational contractedHours(StaffingSpell s) {
        return s.contractedHours() == null ? weeklyHours : s.contractedHours();
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
            graph = LinkGraph.of(products, links);
        }
        return graph;
    }
}
