package org.ppi.launcher.e2e;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Employee;
import org.ppi.launcher.demo.DemoInstitution.Product;
import org.ppi.launcher.demo.DemoInstitution.ProductType;

/**
 * DOMAIN.md's costing rules written again, in the test, from the demo file alone — none of costing-service's
 * classes, none of the platform's money type: exact fractions of {@link BigInteger}s, rounded half-up to cents once.
 * What the end-to-end tests compare the platform's figures with.
 *
 * <ul>
 *   <li>price of a weekly hour for a year: classic payroll(c) / (N(c) × W), individual annualCost(e) /
 *       contractedHours(e); capacity hours of c: N(c) × W, resp. Σ contractedHours;</li>
 *   <li>direct(p) = Σ_e hours(e,p) × price + nonLabour(c(e)) × hours(e,p) / capacity hours of c(e);</li>
 *   <li>full(p) = direct(p) + Σ over intermediate suppliers i of p of full(i) × weight(i,p) / Σ_x weight(i,x)
 *       (an intermediate's full cost is its direct cost plus what flowed into it);</li>
 *   <li>annualCost(e) of the fiscal year: each annual cost for the days of the year it was in effect.</li>
 * </ul>
 *
 * <p>{@link #firstRound} is the survey as validated; {@link #secondRound} adds the file's corrections (the hours
 * replace the recorded ones) and salary changes.
 */
final class IndependentCosting {

    enum Method { CLASSIC, INDIVIDUAL }

    private final DemoInstitution demo;
    private final Method method;
    private final Map<String, Employee> employees;
    private final Map<String, Product> products;
    private final Map<String, Center> centers;
    private final Map<String, Fraction> annualCost = new HashMap<>();
    private final Map<String, Fraction> hours = new LinkedHashMap<>();
    private final Map<String, Fraction> direct = new HashMap<>();
    private final Map<String, Fraction> full = new HashMap<>();

    private IndependentCosting(DemoInstitution demo, Method method, boolean secondRound) {
        this.demo = demo;
        this.method = method;
        this.employees = byId(demo.employees(), Employee::id);
        this.products = byId(demo.products(), Product::id);
        this.centers = byId(demo.centers(), Center::id);
        demo.interviews().forEach(i -> i.allocations()
                .forEach(a -> hours.put(a.employeeId() + "|" + a.productId(), Fraction.of(a.hours()))));
        if (secondRound) {
            demo.secondRound().corrections()
                    .forEach(c -> hours.put(c.employeeId() + "|" + c.productId(), Fraction.of(c.hours())));
        }
        int year = demo.institution().fiscalYear();
        for (Employee e : demo.employees()) {
            List<DemoInstitution.SalaryChange> changes = secondRound ? demo.secondRound().salaryChanges().stream()
                    .filter(s -> s.employeeId().equals(e.id()))
                    .sorted(Comparator.comparing(DemoInstitution.SalaryChange::effectiveDate)).toList() : List.of();
            annualCost.put(e.id(), proRata(year, Fraction.of(e.annualCost()), changes));
        }
        for (Map.Entry<String, Fraction> a : hours.entrySet()) {
            String[] pair = a.getKey().split("\\|");
            Employee e = employees.get(pair[0]);
            Fraction h = a.getValue();
            Fraction cost = h.times(hourPrice(e)).plus(nonLabour(e.centerId()).times(h).dividedBy(capacityHours(e.centerId())));
            direct.merge(pair[1], cost, Fraction::plus);
        }
    }

    /** The first round: every allocation of the file's interviews, the registered annual costs. */
    static IndependentCosting firstRound(DemoInstitution demo, Method method) {
        return new IndependentCosting(demo, method, false);
    }

    /** The first round with the second round's corrections and salary changes applied. */
    static IndependentCosting secondRound(DemoInstitution demo, Method method) {
        return new IndependentCosting(demo, method, true);
    }

    /** Each annual cost for the days of the fiscal year (1 January – 31 December) in which it is in effect. */
    static Fraction proRata(int year, Fraction base, List<DemoInstitution.SalaryChange> changes) {
        LocalDate start = LocalDate.of(year, 1, 1);
        LocalDate end = start.plusYears(1);
        Fraction total = Fraction.ZERO;
        Fraction rate = base;
        LocalDate from = start;
        for (DemoInstitution.SalaryChange change : changes) {
            LocalDate at = change.effectiveDate().isBefore(start) ? start : change.effectiveDate();
            if (at.isBefore(end)) {
                total = total.plus(rate.times(Fraction.of(ChronoUnit.DAYS.between(from, at))));
                rate = Fraction.of(change.annualCost());
                from = at;
            }
        }
        total = total.plus(rate.times(Fraction.of(ChronoUnit.DAYS.between(from, end))));
        return total.dividedBy(Fraction.of(ChronoUnit.DAYS.between(start, end)));
    }

    Fraction direct(String productId) {
        return direct.getOrDefault(productId, Fraction.ZERO);
    }

    /** Direct cost plus, from every intermediate linked to it, that intermediate's full cost × its share. */
    Fraction full(String productId) {
        Fraction known = full.get(productId);
        if (known != null) {
            return known;
        }
        Fraction total = direct(productId);
        for (Edge edge : edges()) {
            if (edge.consumer().equals(productId)) {
                total = total.plus(full(edge.supplier()).times(edge.weight()).dividedBy(outWeight(edge.supplier())));
            }
        }
        full.put(productId, total);
        return total;
    }

    /** Σ payroll + Σ non-labour: the institution's total cost. */
    Fraction totalCost() {
        Fraction total = Fraction.ZERO;
        for (Fraction cost : annualCost.values()) {
            total = total.plus(cost);
        }
        for (Center c : demo.centers()) {
            total = total.plus(nonLabour(c.id()));
        }
        return total;
    }

    /** Σ weekly hours allocated. */
    Fraction allocatedHours() {
        return hours.values().stream().reduce(Fraction.ZERO, Fraction::plus);
    }

    /** Employees whose allocated weekly hours exceed their contract. */
    long overAllocatedEmployees() {
        Map<String, Fraction> perEmployee = new HashMap<>();
        hours.forEach((pair, h) -> perEmployee.merge(pair.split("\\|")[0], h, Fraction::plus));
        return perEmployee.entrySet().stream()
                .filter(e -> e.getValue().compareTo(Fraction.of(employees.get(e.getKey()).contractedHours())) > 0)
                .count();
    }

    private Fraction hourPrice(Employee e) {
        if (method == Method.INDIVIDUAL) {
            return annualCost.get(e.id()).dividedBy(Fraction.of(e.contractedHours()));
        }
        List<Employee> staff = staff(e.centerId());
        Fraction payroll = staff.stream().map(x -> annualCost.get(x.id())).reduce(Fraction.ZERO, Fraction::plus);
        return payroll.dividedBy(Fraction.of(staff.size()).times(Fraction.of(demo.institution().weeklyHours())));
    }

    private Fraction capacityHours(String centerId) {
        List<Employee> staff = staff(centerId);
        if (method == Method.INDIVIDUAL) {
            return staff.stream().map(x -> Fraction.of(x.contractedHours())).reduce(Fraction.ZERO, Fraction::plus);
        }
        return Fraction.of(staff.size()).times(Fraction.of(demo.institution().weeklyHours()));
    }

    private Fraction nonLabour(String centerId) {
        BigDecimal amount = centers.get(centerId).nonLabourCost();
        return amount == null ? Fraction.ZERO : Fraction.of(amount);
    }

    private List<Employee> staff(String centerId) {
        return demo.employees().stream().filter(x -> x.centerId().equals(centerId)).toList();
    }

    private record Edge(String supplier, String consumer, Fraction weight) {
    }

    /** Every link of every chain whose supplier is an intermediate product (a missing feeds = the chain's terminal). */
    private List<Edge> edges() {
        List<Edge> edges = new ArrayList<>();
        for (DemoInstitution.ValueChain v : demo.valueChains()) {
            for (DemoInstitution.Link l : v.links()) {
                Product supplier = products.get(l.intermediateProductId());
                if (supplier != null && supplier.type() == ProductType.INTERMEDIATE) {
                    edges.add(new Edge(l.intermediateProductId(),
                            l.feedsProductId() == null ? v.terminalProductId() : l.feedsProductId(),
                            l.weight() == null ? Fraction.ONE : Fraction.of(l.weight())));
                }
            }
        }
        return edges;
    }

    private Fraction outWeight(String supplier) {
        return edges().stream().filter(e -> e.supplier().equals(supplier)).map(Edge::weight)
                .reduce(Fraction.ZERO, Fraction::plus);
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    /** An exact fraction n/d (d > 0, lowest terms). */
    record Fraction(BigInteger numerator, BigInteger denominator) implements Comparable<Fraction> {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);
        static final Fraction ONE = new Fraction(BigInteger.ONE, BigInteger.ONE);

        Fraction {
            if (denominator.signum() == 0) {
                throw new ArithmeticException("division by zero");
            }
            if (denominator.signum() < 0) {
                numerator = numerator.negate();
                denominator = denominator.negate();
            }
            BigInteger gcd = numerator.gcd(denominator);
            if (gcd.signum() != 0 && !gcd.equals(BigInteger.ONE)) {
                numerator = numerator.divide(gcd);
                denominator = denominator.divide(gcd);
            }
        }

        static Fraction of(BigDecimal value) {
            return value.scale() <= 0 ? new Fraction(value.toBigIntegerExact(), BigInteger.ONE)
                    : new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
        }

        static Fraction of(long value) {
            return new Fraction(BigInteger.valueOf(value), BigInteger.ONE);
        }

        Fraction plus(Fraction o) {
            return new Fraction(numerator.multiply(o.denominator).add(o.numerator.multiply(denominator)),
                    denominator.multiply(o.denominator));
        }

        Fraction minus(Fraction o) {
            return plus(new Fraction(o.numerator.negate(), o.denominator));
        }

        Fraction times(Fraction o) {
            return new Fraction(numerator.multiply(o.numerator), denominator.multiply(o.denominator));
        }

        Fraction dividedBy(Fraction o) {
            return new Fraction(numerator.multiply(o.denominator), denominator.multiply(o.numerator));
        }

        /** Rounded half-up to cents, as a plain string ("6506082.68"). */
        String cents() {
            return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.HALF_UP).toPlainString();
        }

        @Override
        public int compareTo(Fraction o) {
            return numerator.multiply(o.denominator).compareTo(o.numerator.multiply(denominator));
        }
    }
}
