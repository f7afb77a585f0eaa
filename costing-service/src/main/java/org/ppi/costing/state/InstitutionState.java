package org.ppi.costing.state;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.costing.rules.AllocationInput;
import org.ppi.costing.rules.CenterInput;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.rules.EmployeeInput;
import org.ppi.costing.rules.LinkInput;
import org.ppi.costing.rules.ProductInput;
import org.ppi.costing.rules.StaffingSpell;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * Costing's replica of one institution, folded from the survey, catalog and value-chain topics. The fold is
 * order-independent across aggregates (each fact is keyed by its own id; allocations keep the latest recorded
 * value), so a replay, an as-of rebuild and the live projection reach the same state from the same events.
 */
public final class InstitutionState {
    private final String institutionId;
    private String name;
    private String currency;
    private Rational weeklyHours = CostingInput.DEFAULT_WEEKLY_HOURS;
    private CostingMethod method = CostingMethod.CLASSIC;
    private Integer fiscalYear;
    private int fiscalYearStartMonth = 1;
    private final List<String> institutionEvents = new ArrayList<>();
    private final Map<String, Facts.Center> centers = new TreeMap<>();
    private final Map<String, Facts.Employee> employees = new TreeMap<>();
    private final Map<String, Facts.Product> products = new TreeMap<>();
    private final java.util.NavigableMap<String, Facts.Allocation> allocations = new TreeMap<>();
    private final Map<String, Facts.Chain> chains = new TreeMap<>();
    private final Map<String, Facts.Link> links = new TreeMap<>();
    private final Map<String, String> interviewCenters = new HashMap<>();
    private final Set<String> validatedInterviews = new HashSet<>();
    private final Map<String, String> validationEvents = new HashMap<>();
    /** Who rests on what, kept up to date by each event folded (lineage and provisional marks read it). */
    private final FigureIndex index = new FigureIndex();
    private final FigureSources sources = new FigureSources(institutionEvents, centers, employees, products, allocations,
            chains, links, validationEvents, () -> method, this::resolve, index);

    /** Only for an institution whose registration has not arrived yet: its figures are empty anyway. */
    private static final int FALLBACK_YEAR = 2000;

    public InstitutionState(String institutionId) {
        this.institutionId = institutionId;
    }

    public Change apply(EventEnvelope event) {
        Change change = new Change();
        Object p = event.payload();
        String id = event.id();
        if (p instanceof InstitutionRegistered e) {
            name = e.name();
            currency = e.currency();
            weeklyHours = Rational.of(e.weeklyHours());
            method = e.costingMethod();
            fiscalYear = e.fiscalYear();
            fiscalYearStartMonth = e.fiscalYearStartMonth() == null ? 1 : e.fiscalYearStartMonth();
            institutionEvents.add(id);
            change.everything = true;
        } else if (p instanceof InstitutionDetailsRevised e) {
            name = e.name();
            currency = e.currency();
            Rational hours = Rational.of(e.weeklyHours());
            int startMonth = e.fiscalYearStartMonth() == null ? 1 : e.fiscalYearStartMonth();
            change.everything = !hours.equals(weeklyHours) || !Integer.valueOf(e.fiscalYear()).equals(fiscalYear)
                    || startMonth != fiscalYearStartMonth;
            weeklyHours = hours;
            fiscalYear = e.fiscalYear();
            fiscalYearStartMonth = startMonth;
            institutionEvents.add(id);
        } else if (p instanceof CostingMethodChosen e) {
            change.everything = e.costingMethod() != method;
            method = e.costingMethod();
            institutionEvents.add(id);
        } else if (p instanceof CenterRegistered e) {
            Facts.Center c = center(e.centerId());
            c.name = e.name();
            c.area = e.area();
            c.trace(id);
            change.centers.add(c.id);
        } else if (p instanceof CenterRenamed e) {
            center(e.centerId()).name = e.name();
            change.relabeledCenters.add(e.centerId());
            products.values().stream().filter(x -> e.centerId().equals(x.centerId)).forEach(x -> change.relabeledProducts.add(x.id));
            employees.values().stream().filter(x -> e.centerId().equals(x.centerId)).forEach(x -> change.relabeledEmployees.add(x.id));
        } else if (p instanceof CenterProfileRevised e) {
            Facts.Center c = center(e.centerId());
            if (e.area() != null && e.area() != c.area) {
                c.area = e.area();
                c.trace(id);
                change.centers.add(c.id);
            }
        } else if (p instanceof CenterClosed e) {
            Facts.Center c = center(e.centerId());
            c.closedOn = e.effectiveDate();
            c.trace(id);
            change.repricedCenters.add(c.id);
            change.centers.add(c.id);
        } else if (p instanceof CenterNonLabourCostRecorded e) {
            Facts.Center c = center(e.centerId());
            c.nonLabour = Rational.of(e.amount());
            c.trace(id);
            change.repricedCenters.add(c.id);
            change.centers.add(c.id);
        } else if (p instanceof EmployeeRegistered e) {
            Facts.Employee emp = employee(e.employeeId());
            emp.name = e.name();
            emp.position = e.position();
            emp.staffing.registered(e.centerId(), Rational.of(e.annualCost()),
                    e.contractedHours() == null ? null : Rational.of(e.contractedHours()), e.effectiveFrom());
            staffingChanged(change, emp, id);
        } else if (p instanceof EmployeeTransferred e) {
            Facts.Employee emp = employee(e.employeeId());
            emp.staffing.transferred(e.toCenterId(), e.effectiveDate(), event.recordedAt(), id);
            staffingChanged(change, emp, id);
        } else if (p instanceof EmployeeSalaryChanged e) {
            Facts.Employee emp = employee(e.employeeId());
            emp.staffing.salaryChanged(Rational.of(e.annualCost()), e.effectiveDate(), event.recordedAt(), id);
            staffingChanged(change, emp, id);
        } else if (p instanceof EmployeeContractedHoursChanged e) {
            Facts.Employee emp = employee(e.employeeId());
            emp.staffing.contractedHoursChanged(Rational.of(e.contractedHours()), e.effectiveDate(), event.recordedAt(), id);
            staffingChanged(change, emp, id);
        } else if (p instanceof EmployeeLeft e) {
            Facts.Employee emp = employee(e.employeeId());
            emp.staffing.left(e.effectiveDate(), event.recordedAt(), id);
            staffingChanged(change, emp, id);
        } else if (p instanceof TimeAllocated e) {
            allocate(change, id, event.recordedAt(), e.centerId(), e.employeeId(), e.productId(),
                    e.interviewId(), e.hours(), false, null);
        } else if (p instanceof AllocationCorrected e) {
            allocate(change, id, event.recordedAt(), e.centerId(), e.employeeId(), e.productId(),
                    e.interviewId(), e.hours(), true, e.reason());
        } else if (p instanceof InterviewOpened e) {
            interviewCenters.put(e.interviewId(), e.centerId());
        } else if (p instanceof InterviewValidated e) {
            validatedInterviews.add(e.interviewId());
            validationEvents.put(e.interviewId(), id);
            index.validated(e.interviewId(), validatedInterviews);
            change.validation = true;
        } else if (p instanceof ProductRegistered e) {
            Facts.Product prod = product(e.productId());
            prod.name = e.name();
            prod.centerId = e.centerId();
            prod.type = e.type();
            prod.core = e.core();
            prod.volume = e.volume() == null ? null : Rational.of(e.volume());
            prod.volumeUnit = e.volumeUnit();
            prod.trace(id);
            productChanged(change, prod.id);
            change.links = true; // a new product is a new node of the link graph (and may be a link's missing end)
        } else if (p instanceof ProductRenamed e) {
            product(e.productId()).name = e.name();
            change.relabeledProducts.add(e.productId());
            for (Facts.Allocation a : allocations.values()) {
                if (a.productId.equals(e.productId())) {
                    change.relabeledEmployees.add(a.employeeId);
                    Facts.Employee emp = employees.get(a.employeeId);
                    if (emp != null && emp.centerId != null) {
                        change.relabeledCenters.add(emp.centerId);
                    }
                }
            }
            links.values().stream().filter(l -> e.productId().equals(l.supplierId)).forEach(l -> change.relabeledProducts.add(resolve(l.consumerId)));
        } else if (p instanceof ProductRetyped e) {
            Facts.Product prod = product(e.productId());
            prod.type = e.type();
            prod.core = e.core();
            prod.trace(id);
            productChanged(change, prod.id);
            change.links = true;
        } else if (p instanceof ProductVolumeChanged e) {
            Facts.Product prod = product(e.productId());
            prod.volume = e.volume() == null ? null : Rational.of(e.volume());
            prod.volumeUnit = e.volumeUnit();
            prod.trace(id);
            change.products.add(prod.id);
        } else if (p instanceof ProductMergedInto e) {
            Facts.Product prod = product(e.productId());
            index.merged(prod.id, prod.mergedInto, e.targetProductId());
            prod.mergedInto = e.targetProductId();
            prod.trace(id);
            productChanged(change, prod.id);
            productChanged(change, e.targetProductId());
            change.links = true;
        } else if (p instanceof ProductRetired e) {
            Facts.Product prod = product(e.productId());
            prod.retired = true;
            prod.trace(id);
            productChanged(change, prod.id);
            change.links = true;
        } else if (p instanceof ValueChainDefined e) {
            Facts.Chain chain = chain(e.chainId());
            chain.terminalProductId = e.terminalProductId();
            chain.trace(id);
            change.links = true;
        } else if (p instanceof IntermediateLinked e) {
            Facts.Link link = link(e.chainId(), e.intermediateProductId(), feeds(e.chainId(), e.feedsProductId()));
            link.weight = e.weight() == null ? Rational.ONE : Rational.of(e.weight());
            link.active = true;
            link.trace(id);
            change.links = true;
        } else if (p instanceof IntermediateUnlinked e) {
            Facts.Link link = link(e.chainId(), e.intermediateProductId(), feeds(e.chainId(), e.feedsProductId()));
            link.active = false;
            link.trace(id);
            change.links = true;
        } else if (p instanceof ValueChainRetired e) {
            Facts.Chain chain = chain(e.chainId());
            chain.retired = true;
            chain.trace(id);
            change.links = true;
        }
        return change;
    }

    private void allocate(Change change, String eventId, Instant recordedAt, String centerId, String employeeId,
                          String productId, String interviewId, BigDecimal hours, boolean correction, String reason) {
        String center = centerId != null ? centerId : interviewCenters.get(interviewId);
        Facts.Allocation a = allocations.computeIfAbsent(employeeId + "|" + productId + "|" + (center == null ? "" : center),
                k -> index.allocationAdded(new Facts.Allocation(employeeId, productId, center)));
        a.trace(eventId);
        a.record(new Facts.RecordedHours(recordedAt == null ? Instant.EPOCH : recordedAt, eventId, interviewId,
                Rational.of(hours), correction, reason));
        index.recorded(a, interviewId, validatedInterviews);
        change.products.add(resolve(productId));
        change.employees.add(employeeId);
        Facts.Employee emp = employees.get(employeeId);
        if (emp != null) {
            change.centers.addAll(emp.staffing.centers());
        }
    }

    /**
     * A dated staffing fact can reprice every center the employee ever worked in (a backdated transfer moves
     * time between them), and every product of the employee's hours.
     */
    private void staffingChanged(Change change, Facts.Employee emp, String eventId) {
        emp.centerId = emp.staffing.currentCenter();
        emp.trace(eventId);
        index.staffed(emp);
        for (String centerId : emp.staffing.centers()) {
            repriced(change, emp, centerId);
        }
        change.products.addAll(productsOf(emp.id));
    }

    private void repriced(Change change, Facts.Employee emp, String centerId) {
        change.employees.add(emp.id);
        change.repricedEmployees.add(emp.id);
        if (centerId != null) {
            change.centers.add(centerId);
            change.repricedCenters.add(centerId);
        }
    }

    private void productChanged(Change change, String productId) {
        change.products.add(productId);
        for (Facts.Allocation a : allocations.values()) {
            if (a.productId.equals(productId)) {
                change.employees.add(a.employeeId);
                Facts.Employee emp = employees.get(a.employeeId);
                if (emp != null && emp.centerId != null) {
                    change.centers.add(emp.centerId);
                }
            }
        }
    }

    private Set<String> productsOf(String employeeId) {
        Set<String> result = new LinkedHashSet<>();
        for (Facts.Allocation a : allocationsOf(employeeId)) {
            result.add(resolve(a.productId));
        }
        return result;
    }

    /** Allocation keys start with "employee|": an employee's allocations are one range of the sorted map. */
    private java.util.Collection<Facts.Allocation> allocationsOf(String employeeId) {
        return allocations.subMap(employeeId + "|", employeeId + "|\uffff").values();
    }

    private String feeds(String chainId, String feedsProductId) {
        if (feedsProductId != null) {
            return feedsProductId;
        }
        Facts.Chain chain = chains.get(chainId);
        return chain == null ? null : chain.terminalProductId;
    }

    /** Follows merges: an allocation or link to a merged product counts for the product it was merged into. */
    public String resolve(String productId) {
        String current = productId;
        Set<String> seen = new HashSet<>();
        while (current != null && seen.add(current)) {
            Facts.Product prod = products.get(current);
            if (prod == null || prod.mergedInto == null) {
                return current;
            }
            current = prod.mergedInto;
        }
        return current;
    }

    /** The rules' input of the institution's current fiscal year, on every recorded value. */
    public CostingInput toInput() {
        return toInput(currentYear(), Basis.ALL);
    }

    /** The institution's own current fiscal year (its setting, an event); the calendar never decides it. */
    public FiscalYear currentYear() {
        return year(fiscalYear == null ? FALLBACK_YEAR : fiscalYear);
    }

    /** Fiscal year N of this institution (its start month applies). */
    public FiscalYear year(int year) {
        return new FiscalYear(year, fiscalYearStartMonth);
    }

    /**
     * The rules' input of one fiscal year: the employees who worked some day of it, as their spells; active
     * products; the allocations between them (latest value, or latest validated one) and the links.
     */
    public CostingInput toInput(FiscalYear year, Basis basis) {
        Map<String, CenterInput> centerInputs = new LinkedHashMap<>();
        centers.values().forEach(c -> centerInputs.put(c.id, centerInput(c, year)));
        Map<String, EmployeeInput> employeeInputs = new LinkedHashMap<>();
        for (Facts.Employee e : employees.values()) {
            EmployeeInput input = employeeInput(e, year);
            if (input != null) {
                employeeInputs.put(e.id, input);
            }
        }
        Map<String, ProductInput> productInputs = productInputs();
        List<AllocationInput> allocationInputs = new ArrayList<>();
        for (Facts.Allocation a : allocations.values()) {
            AllocationInput input = allocationInput(a, employeeInputs.get(a.employeeId), basis, productInputs::containsKey);
            if (input != null) {
                allocationInputs.add(input);
            }
        }
        return new CostingInput(weeklyHours, method, centerInputs, employeeInputs, productInputs, allocationInputs,
                linkInputs(productInputs));
    }

    /** The active products' inputs: the nodes of the link graph (the same in every fiscal year). */
    public Map<String, ProductInput> productInputs() {
        Map<String, ProductInput> productInputs = new LinkedHashMap<>();
        for (Facts.Product prod : products.values()) {
            ProductInput input = productInput(prod);
            if (input != null) {
                productInputs.put(prod.id, input);
            }
        }
        return productInputs;
    }

    /**
     * The active links of live chains between those products, merges followed, from an intermediate to another
     * product: the edges of the link graph.
     */
    public List<LinkInput> linkInputs(Map<String, ProductInput> productInputs) {
        List<LinkInput> linkInputs = new ArrayList<>();
        for (Facts.Link link : activeLinks()) {
            String supplier = resolve(link.supplierId);
            String consumer = resolve(link.consumerId);
            ProductInput s = productInputs.get(supplier);
            if (s != null && s.type() == ProductType.INTERMEDIATE && productInputs.containsKey(consumer)
                    && !supplier.equals(consumer)) {
                linkInputs.add(new LinkInput(supplier, consumer, link.weight));
            }
        }
        return linkInputs;
    }

    /**
     * The employees with an allocation that counts for the product now (its own, or one of a product merged into
     * it): whose rows a product registered, merged or retired changes.
     */
    public Set<String> employeesAllocatingTo(String productId) {
        Set<String> result = new java.util.TreeSet<>();
        for (String counted : index.countingFor(productId, this::resolve)) {
            for (Facts.Allocation a : index.allocationsOfProduct(counted)) {
                result.add(a.employeeId);
            }
        }
        return result;
    }

    /** One center's input of the fiscal year, null for a center never registered. */
    public CenterInput centerInput(String centerId, FiscalYear year) {
        Facts.Center c = centers.get(centerId);
        return c == null ? null : centerInput(c, year);
    }

    private static CenterInput centerInput(Facts.Center c, FiscalYear year) {
        return new CenterInput(c.id, c.area, c.nonLabourIn(year));
    }

    /** One employee as the rules see the fiscal year: the spells of it; null when the employee worked no day of it. */
    public EmployeeInput employeeInput(String employeeId, FiscalYear year) {
        Facts.Employee e = employees.get(employeeId);
        return e == null ? null : employeeInput(e, year);
    }

    private static EmployeeInput employeeInput(Facts.Employee e, FiscalYear year) {
        List<StaffingSpell> spells = e.staffing.spells(year);
        return spells.isEmpty() ? null : new EmployeeInput(e.id, spells);
    }

    /** One product's input, null when it is not active (retired, merged, or known only by reference). */
    public ProductInput productInput(String productId) {
        Facts.Product prod = products.get(productId);
        return prod == null ? null : productInput(prod);
    }

    private static ProductInput productInput(Facts.Product prod) {
        return prod.active() ? new ProductInput(prod.id, prod.centerId, prod.type, prod.core, prod.volume) : null;
    }

    /**
     * One employee's allocation rows of the fiscal year, in the order {@link #toInput} lists them: what an
     * allocation or staffing change of that employee gives the rules, read from the employee's allocations only.
     */
    public List<AllocationInput> allocationInputsOf(String employeeId, EmployeeInput employee, Basis basis,
                                                    java.util.function.Predicate<String> activeProduct) {
        List<AllocationInput> rows = new ArrayList<>();
        if (employee == null) {
            return rows;
        }
        for (Facts.Allocation a : allocationsOf(employeeId)) {
            AllocationInput input = allocationInput(a, employee, basis, activeProduct);
            if (input != null) {
                rows.add(input);
            }
        }
        return rows;
    }

    /** The rules' row of one allocation: its latest value (or latest validated one), null when it counts for nothing. */
    private AllocationInput allocationInput(Facts.Allocation a, EmployeeInput employee, Basis basis,
                                            java.util.function.Predicate<String> activeProduct) {
        Facts.RecordedHours value = basis == Basis.ALL ? a.latest() : a.latestValidated(validatedInterviews);
        String productId = resolve(a.productId);
        if (value != null && value.hours().signum() > 0 && employee != null && activeProduct.test(productId)
                && !outsideTheYear(a, employee)) {
            return new AllocationInput(a.employeeId, productId, value.hours(), a.centerId);
        }
        return null;
    }

    /**
     * Hours recorded by an interview of a center the employee worked in, but not in this fiscal year, count for
     * nothing (a transferred employee's old center's hours stop with the transfer). Hours of a center the
     * employee never belonged to count for all of the employee's time (see AllocationInput).
     */
    private boolean outsideTheYear(Facts.Allocation a, EmployeeInput employee) {
        return a.centerId != null && employees.get(a.employeeId).staffing.centers().contains(a.centerId)
                && employee.spells().stream().noneMatch(s -> s.centerId().equals(a.centerId));
    }

    /** A product's full cost rests on its own hours and its suppliers': provisional when any of them is. */
    public boolean provisionalProduct(String productId) {
        return sources.provisionalProduct(productId);
    }

    public boolean provisionalEmployee(String employeeId) {
        return sources.provisionalEmployee(employeeId);
    }

    public boolean provisionalCenter(String centerId) {
        return sources.provisionalCenter(centerId);
    }

    public boolean provisionalInstitution() {
        return sources.provisionalInstitution();
    }

    /**
     * The ids of the events behind a product's cost: its own, its allocations', the pricing of its hours, and (full
     * cost) its suppliers'. Computed on demand from the kept indexes (a lineage query, a figure's count), never
     * stored.
     */
    public Set<String> productLineage(String productId) {
        return sources.productLineage(productId);
    }

    public Set<String> employeeLineage(String employeeId) {
        return sources.employeeLineage(employeeId);
    }

    public Set<String> centerLineage(String centerId) {
        return sources.centerLineage(centerId);
    }

    /** Every fact of the institution; its size alone is {@link #institutionLineageSize()}, a count kept as events fold. */
    public Set<String> institutionLineage() {
        return sources.institutionLineage();
    }

    public int institutionLineageSize() {
        return sources.institutionLineageSize();
    }

    private List<Facts.Link> activeLinks() {
        List<Facts.Link> result = new ArrayList<>();
        for (Facts.Link link : links.values()) {
            Facts.Chain chain = chains.get(link.chainId);
            if (link.active && link.consumerId != null && (chain == null || !chain.retired)) {
                result.add(link);
            }
        }
        return result;
    }

    private Facts.Center center(String id) {
        return centers.computeIfAbsent(id, k -> index.track(new Facts.Center(k)));
    }

    private Facts.Employee employee(String id) {
        return employees.computeIfAbsent(id, k -> index.track(new Facts.Employee(k)));
    }

    private Facts.Product product(String id) {
        return products.computeIfAbsent(id, k -> index.track(new Facts.Product(k)));
    }

    private Facts.Chain chain(String id) {
        return chains.computeIfAbsent(id, k -> index.track(new Facts.Chain(k)));
    }

    private Facts.Link link(String chainId, String supplier, String consumer) {
        return links.computeIfAbsent(chainId + "|" + supplier + "|" + consumer, k -> index.linkAdded(new Facts.Link(chainId, supplier, consumer)));
    }

    public String institutionId() {
        return institutionId;
    }

    public String name() {
        return name;
    }

    public String currency() {
        return currency;
    }

    public CostingMethod method() {
        return method;
    }

    public Rational weeklyHours() {
        return weeklyHours;
    }

    public Integer fiscalYear() {
        return fiscalYear;
    }

    public Facts.Center centerFacts(String id) {
        return centers.get(id);
    }

    public Facts.Employee employeeFacts(String id) {
        return employees.get(id);
    }

    public Facts.Product productFacts(String id) {
        return products.get(id);
    }

    public Map<String, Facts.Product> products() {
        return products;
    }

    public Map<String, Facts.Employee> employees() {
        return employees;
    }

    public Map<String, Facts.Center> centers() {
        return centers;
    }
}
