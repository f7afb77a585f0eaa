package org.ppi.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.ppi.launcher.demo.DemoInstitution.Allocation;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Employee;
import org.ppi.launcher.demo.DemoInstitution.Interview;
import org.ppi.launcher.demo.DemoInstitution.Link;
import org.ppi.launcher.demo.DemoInstitution.Product;
import org.ppi.launcher.demo.DemoInstitution.ProductType;
import org.ppi.launcher.demo.DemoInstitution.Program;
import org.ppi.launcher.demo.DemoInstitution.ValueChain;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The bundled demo institution: its scale, its internal consistency and the tenant prefixing. */
class DemoInstitutionTest {
    private static final BigDecimal FORTY = BigDecimal.valueOf(40);
    private static DemoInstitution demo;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = DemoInstitutionTest.class.getResourceAsStream(DemoInstitution.RESOURCE)) {
            assertThat(in).as("resource %s", DemoInstitution.RESOURCE).isNotNull();
            demo = DemoInstitution.read(in);
        }
    }

    @Test
    void hasTheScaleOfTheSeedsDefensorDelPueblo() {
        assertThat(demo.institution().id()).isEqualTo("demo-defensoria");
        assertThat(demo.institution().country()).isEqualTo("DO");
        assertThat(demo.institution().currency()).isEqualTo("DOP");
        assertThat(demo.institution().fiscalYear()).isEqualTo(2026);
        assertThat(demo.institution().weeklyHours()).isEqualByComparingTo(FORTY);
        assertThat(demo.institution().costingMethod()).isEqualTo(DemoInstitution.CostingMethod.CLASSIC);
        assertThat(demo.employees()).hasSize(87);
        assertThat(demo.products()).hasSize(258);
        assertThat(demo.centers()).hasSizeBetween(28, 32);
        assertThat(demo.scopes()).hasSizeBetween(3, 4);
        assertThat(demo.allocationCount()).isBetween(440, 460);
        assertThat(demo.valueChains()).hasSize(5);
        assertThat(demo.programs()).hasSize(4);
        assertThat(demo.impacts()).hasSizeBetween(2, 3);
        assertThat(demo.results()).hasSizeBetween(4, 6);
        assertThat(demo.centers()).extracting(Center::area).contains(DemoInstitution.Area.SUBSTANTIVE,
                DemoInstitution.Area.SUPPORT);
        assertThat(demo.centers()).extracting(Center::scopeId).containsAll(ids(demo.scopes(), s -> s.id()));
    }

    @Test
    void payrollHoursAndStaffAreRealistic() {
        BigDecimal payroll = payroll(demo);
        BigDecimal hours = hours(demo);
        assertThat(payroll).isBetween(new BigDecimal("110000000"), new BigDecimal("125000000"));
        assertThat(hours).isBetween(new BigDecimal("3400"), new BigDecimal("3600"));
        assertThat(demo.employees()).allSatisfy(e -> {
            assertThat(e.annualCost()).isBetween(new BigDecimal("150000"), new BigDecimal("4500000"));
            assertThat(e.contractedHours()).isPositive().isLessThanOrEqualTo(FORTY);
        });
        assertThat(demo.employees()).filteredOn(e -> e.contractedHours().compareTo(FORTY) < 0)
                .hasSizeBetween(2, 6)
                .allSatisfy(e -> assertThat(e.contractedHours().intValue()).isIn(20, 30));
        // every center has staff and makes products
        assertThat(demo.centers()).allSatisfy(c -> {
            assertThat(demo.employees()).anyMatch(e -> e.centerId().equals(c.id()));
            assertThat(demo.products()).anyMatch(p -> p.centerId().equals(c.id()));
        });
    }

    @Test
    void idsAreUniqueWithinEachKind() {
        assertUnique(ids(demo.scopes(), s -> s.id()));
        assertUnique(ids(demo.centers(), Center::id));
        assertUnique(ids(demo.employees(), Employee::id));
        assertUnique(ids(demo.products(), Product::id));
        assertUnique(ids(demo.interviews(), Interview::id));
        assertUnique(ids(demo.impacts(), i -> i.id()));
        assertUnique(ids(demo.results(), r -> r.id()));
        assertUnique(ids(demo.valueChains(), ValueChain::id));
        assertUnique(ids(demo.programs(), Program::id));
        assertUnique(demo.programs().stream().flatMap(p -> p.activities().stream()).map(a -> a.id()).toList());
    }

    @Test
    void isReferentiallyIntact() {
        checkIntegrity(demo);
    }

    @Test
    void allocationsAreWithinContractedHoursWithSomeOverAllocatedEmployees() {
        Map<String, Employee> employees = byId(demo.employees(), Employee::id);
        Map<String, BigDecimal> totals = totalsPerEmployee(demo);
        for (Interview i : demo.interviews()) {
            for (Allocation a : i.allocations()) {
                assertThat(a.hours()).as("hours %s", a).isPositive()
                        .isLessThanOrEqualTo(employees.get(a.employeeId()).contractedHours());
                assertThat(a.hours().multiply(BigDecimal.valueOf(2)).stripTrailingZeros().scale())
                        .as("whole or half hours: %s", a).isLessThanOrEqualTo(0);
            }
        }
        List<Employee> over = demo.employees().stream()
                .filter(e -> totals.getOrDefault(e.id(), BigDecimal.ZERO).compareTo(e.contractedHours()) > 0).toList();
        List<Employee> under = demo.employees().stream()
                .filter(e -> totals.getOrDefault(e.id(), BigDecimal.ZERO).compareTo(e.contractedHours()) < 0).toList();
        List<Employee> unused = under.stream()
                .filter(e -> e.contractedHours().subtract(totals.get(e.id())).compareTo(BigDecimal.valueOf(4)) >= 0)
                .toList();
        assertThat(over).hasSizeBetween(3, 6);
        assertThat(unused).as("employees with noticeable unused time").hasSizeBetween(2, 8);
        assertThat(demo.employees().size() - over.size() - under.size())
                .as("employees exactly at their contracted hours").isGreaterThan(demo.employees().size() / 2);
        assertThat(demo.employees()).as("every employee has time allocated")
                .allMatch(e -> totals.containsKey(e.id()));
        assertThat(demo.products()).as("every product has time allocated").allMatch(p -> demo.interviews().stream()
                .flatMap(i -> i.allocations().stream()).anyMatch(a -> a.productId().equals(p.id())));
    }

    @Test
    void productsHaveTypesCoreOnlyOnTerminalsAndSomeVolumeGaps() {
        assertThat(demo.products()).filteredOn(Product::core)
                .hasSizeBetween(5, 20)
                .allMatch(p -> p.type() == ProductType.TERMINAL);
        assertThat(demo.products()).filteredOn(Product::volumeGap).hasSizeBetween(8, 12);
        assertThat(demo.products()).filteredOn(p -> p.volume() != null && p.volume().signum() == 0).isNotEmpty();
        assertThat(demo.products()).filteredOn(p -> p.volume() == null).isNotEmpty();
        assertThat(demo.products()).allSatisfy(p -> {
            assertThat(p.name()).isNotBlank();
            assertThat(p.description()).isNotBlank();
            assertThat(p.users()).isNotEmpty();
            assertThat(p.frequency()).isNotNull();
            assertThat(p.processSteps()).isNotEmpty();
            assertThat(p.volume() == null || p.volume().signum() >= 0).isTrue();
        });
        // support centers make mostly intermediate products
        Map<String, Center> centers = byId(demo.centers(), Center::id);
        long supportProducts = demo.products().stream()
                .filter(p -> centers.get(p.centerId()).area() == DemoInstitution.Area.SUPPORT).count();
        long supportIntermediates = demo.products().stream()
                .filter(p -> centers.get(p.centerId()).area() == DemoInstitution.Area.SUPPORT)
                .filter(p -> p.type() == ProductType.INTERMEDIATE).count();
        assertThat(supportIntermediates * 2).isGreaterThan(supportProducts);
    }

    @Test
    void hasASecondRoundOfCorrectionsThatMovesTimeAndFixesAnOverAllocation() {
        DemoInstitution.SecondRound round = demo.secondRound();
        assertThat(round.description()).isNotBlank();
        assertThat(round.corrections()).hasSize(4);
        assertThat(round.salaryChanges()).hasSize(1);
        Map<String, BigDecimal> before = totalsPerEmployee(demo);
        Map<String, BigDecimal> after = new HashMap<>(before);
        Map<String, BigDecimal> recorded = new HashMap<>();
        demo.interviews().forEach(i -> i.allocations().forEach(a -> recorded.put(a.employeeId() + "|" + a.productId(),
                a.hours())));
        for (DemoInstitution.Correction c : round.corrections()) {
            after.merge(c.employeeId(), c.hours().subtract(recorded.get(c.employeeId() + "|" + c.productId())),
                    BigDecimal::add);
        }
        // E036 moves 5 hours to P091 (40 → 40), E032 drops from 45 to 40 hours a week, E014 rises from 38 to 40
        assertThat(before.get("E032")).isEqualByComparingTo("45");
        assertThat(after.get("E032")).isEqualByComparingTo("40");
        assertThat(after.get("E036")).isEqualByComparingTo(before.get("E036"));
        assertThat(after.get("E014")).isEqualByComparingTo("40");
        assertThat(hours(demo).subtract(sum(before)).signum()).isZero();
        assertThat(sum(after)).isEqualByComparingTo("3432");
    }

    @Test
    void leavesIntermediateProductsForCentralActions() {
        assertThat(unlinkedIntermediates(demo)).hasSizeGreaterThan(20);
    }

    @Test
    void prefixedQualifiesEveryIdAndReferenceAndNothingElse() {
        DemoInstitution tenant = demo.prefixed("acme-2");
        assertThat(tenant.institution().id()).isEqualTo("acme-2");
        checkIntegrity(tenant);
        JsonMapper json = JsonMapper.builder().build();
        assertPrefixed(json.valueToTree(demo), json.valueToTree(tenant), "acme-2.", "$");
        assertThat(tenant.prefixed("acme-3").products().get(0).id()).startsWith("acme-3.acme-2.");
        assertThatThrownBy(() -> demo.prefixed("no spaces")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void printsTotals() {
        System.out.printf("Demo institution %s: %d centers in %d ámbitos, %d employees, %d products "
                        + "(%d terminal, %d intermediate, %d CORE, %d volume gaps)%n",
                demo.institution().name(), demo.centers().size(), demo.scopes().size(), demo.employees().size(),
                demo.products().size(), count(ProductType.TERMINAL), count(ProductType.INTERMEDIATE),
                demo.products().stream().filter(Product::core).count(),
                demo.products().stream().filter(Product::volumeGap).count());
        BigDecimal nonLabour = demo.centers().stream().map(Center::nonLabourCost).filter(x -> x != null)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        System.out.printf("Payroll %s DOP; non-labour %s DOP; total %s DOP%n", payroll(demo), nonLabour,
                payroll(demo).add(nonLabour));
        BigDecimal contracted = demo.employees().stream().map(Employee::contractedHours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, BigDecimal> totals = totalsPerEmployee(demo);
        System.out.printf("Hours %s a week in %d allocation rows (contracted %s); over-allocated employees: %s%n",
                hours(demo), demo.allocationCount(), contracted, demo.employees().stream()
                        .filter(e -> totals.get(e.id()).compareTo(e.contractedHours()) > 0)
                        .map(e -> e.id() + " " + totals.get(e.id()) + "/" + e.contractedHours()).toList());
        System.out.printf("Intermediate products linked to a chain: %d; unlinked (central actions): %d%n",
                count(ProductType.INTERMEDIATE) - unlinkedIntermediates(demo).size(),
                unlinkedIntermediates(demo).size());
    }

    // ------------------------------------------------------------------ checks shared with the prefixed copy

    private static void checkIntegrity(DemoInstitution d) {
        Set<String> scopes = Set.copyOf(ids(d.scopes(), s -> s.id()));
        Map<String, Center> centers = byId(d.centers(), Center::id);
        Map<String, Employee> employees = byId(d.employees(), Employee::id);
        Map<String, Product> products = byId(d.products(), Product::id);
        Set<String> impacts = Set.copyOf(ids(d.impacts(), i -> i.id()));
        Set<String> results = Set.copyOf(ids(d.results(), r -> r.id()));
        Map<String, ValueChain> chains = byId(d.valueChains(), ValueChain::id);

        for (Center c : d.centers()) {
            assertThat(scopes).as("scope of %s", c.id()).contains(c.scopeId());
            if (c.parentCenterId() != null) {
                assertThat(centers).as("parent of %s", c.id()).containsKey(c.parentCenterId());
            }
            assertThat(c.function()).isNotBlank();
            assertThat(c.organization()).isNotBlank();
            assertThat(c.manager()).isNotBlank();
        }
        assertThat(DemoLoader.levels(d.centers()).stream().mapToInt(List::size).sum())
                .as("center hierarchy has no cycle").isEqualTo(d.centers().size());
        d.employees().forEach(e -> assertThat(centers).as("center of %s", e.id()).containsKey(e.centerId()));
        d.products().forEach(p -> assertThat(centers).as("center of %s", p.id()).containsKey(p.centerId()));

        // one interview per center; allocations pair the center's employees with the center's products
        assertThat(d.interviews()).extracting(Interview::centerId).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(centers.keySet());
        Set<String> pairs = new HashSet<>();
        for (Interview i : d.interviews()) {
            assertThat(i.date()).isNotNull();
            assertThat(i.date().getYear()).isEqualTo(d.institution().fiscalYear());
            for (Allocation a : i.allocations()) {
                assertThat(employees).as("employee of %s", a).containsKey(a.employeeId());
                assertThat(products).as("product of %s", a).containsKey(a.productId());
                assertThat(employees.get(a.employeeId()).centerId()).as("employee center of %s", a)
                        .isEqualTo(i.centerId());
                assertThat(products.get(a.productId()).centerId()).as("product center of %s", a)
                        .isEqualTo(i.centerId());
                assertThat(pairs.add(a.employeeId() + "|" + a.productId())).as("duplicate %s", a).isTrue();
            }
        }

        // the second round corrects allocations of validated interviews (to other hours) and salaries within the year
        Map<String, Interview> interviews = byId(d.interviews(), Interview::id);
        for (DemoInstitution.Correction c : d.secondRound().corrections()) {
            Interview i = interviews.get(c.interviewId());
            assertThat(i).as("interview of %s", c).isNotNull();
            assertThat(i.validated()).as("%s corrects a validated interview", c).isTrue();
            assertThat(employees.get(c.employeeId()).centerId()).as("employee center of %s", c).isEqualTo(i.centerId());
            assertThat(products).as("product of %s", c).containsKey(c.productId());
            assertThat(c.hours()).isPositive().isLessThanOrEqualTo(employees.get(c.employeeId()).contractedHours());
            assertThat(c.reason()).isNotBlank();
            assertThat(i.allocations()).as("%s changes a recorded allocation", c).anySatisfy(a -> {
                assertThat(a.employeeId() + "|" + a.productId()).isEqualTo(c.employeeId() + "|" + c.productId());
                assertThat(a.hours()).isNotEqualByComparingTo(c.hours());
            });
        }
        for (DemoInstitution.SalaryChange s : d.secondRound().salaryChanges()) {
            assertThat(employees).as("employee of %s", s).containsKey(s.employeeId());
            assertThat(s.annualCost()).isNotEqualByComparingTo(employees.get(s.employeeId()).annualCost());
            assertThat(s.effectiveDate().getYear()).isEqualTo(d.institution().fiscalYear());
            assertThat(s.reason()).isNotBlank();
        }

        d.results().forEach(r -> assertThat(impacts).as("impact of %s", r.id()).contains(r.impactId()));
        for (ValueChain v : d.valueChains()) {
            assertThat(results).as("result of %s", v.id()).contains(v.resultId());
            Product terminal = products.get(v.terminalProductId());
            assertThat(terminal).as("terminal of %s", v.id()).isNotNull();
            assertThat(terminal.type()).isEqualTo(ProductType.TERMINAL);
            assertThat(terminal.core()).as("terminal of %s is CORE", v.id()).isTrue();
            assertThat(v.links()).isNotEmpty();
            Set<String> reachable = new HashSet<>(Set.of(v.terminalProductId()));
            Set<String> seen = new HashSet<>();
            for (Link l : v.links()) {
                Product intermediate = products.get(l.intermediateProductId());
                assertThat(intermediate).as("intermediate of %s in %s", l, v.id()).isNotNull();
                assertThat(intermediate.type()).isEqualTo(ProductType.INTERMEDIATE);
                assertThat(reachable).as("%s feeds the terminal or an earlier intermediate of %s", l, v.id())
                        .contains(l.feedsProductId());
                assertThat(l.weight()).isPositive();
                assertThat(seen.add(l.intermediateProductId() + ">" + l.feedsProductId())).isTrue();
                reachable.add(l.intermediateProductId());
            }
            assertAcyclic(v);
        }
        Set<String> chainsInPrograms = new HashSet<>();
        for (Program g : d.programs()) {
            assertThat(g.code()).isNotBlank();
            Set<String> terminals = new HashSet<>();
            for (String chainId : g.chainIds()) {
                assertThat(chains).as("chain of %s", g.id()).containsKey(chainId);
                assertThat(chainsInPrograms.add(chainId)).as("%s in at most one program", chainId).isTrue();
                terminals.add(chains.get(chainId).terminalProductId());
            }
            g.activities().forEach(a -> {
                assertThat(a.kind()).isNotNull();
                if (a.productId() != null) {
                    assertThat(products).as("product of activity %s", a.id()).containsKey(a.productId());
                }
            });
            g.plannedVolumes().forEach(v -> {
                assertThat(terminals).as("planned %s is a terminal of %s's chains", v.productId(), g.id())
                        .contains(v.productId());
                assertThat(v.plannedVolume()).isPositive();
                assertThat(v.fiscalYear()).isEqualTo(d.institution().fiscalYear());
            });
        }
    }

    private static void assertAcyclic(ValueChain v) {
        Map<String, List<String>> feeds = new HashMap<>();
        v.links().forEach(l -> feeds.computeIfAbsent(l.intermediateProductId(), k -> new ArrayList<>())
                .add(l.feedsProductId()));
        for (String start : feeds.keySet()) {
            // walk downstream; reaching start again would be a cycle
            List<String> frontier = new ArrayList<>(feeds.get(start));
            Set<String> visited = new HashSet<>();
            while (!frontier.isEmpty()) {
                String next = frontier.remove(frontier.size() - 1);
                assertThat(next).as("cycle through %s in %s", start, v.id()).isNotEqualTo(start);
                if (visited.add(next)) {
                    frontier.addAll(feeds.getOrDefault(next, List.of()));
                }
            }
        }
    }

    private static final Set<String> ID_FIELDS = Set.of("id", "scopeId", "centerId", "parentCenterId", "employeeId",
            "productId", "impactId", "resultId", "terminalProductId", "intermediateProductId", "feedsProductId",
            "interviewId");

    /** Walks both trees: id fields and chainIds must be the original with the prefix, every other value equal. */
    private static void assertPrefixed(JsonNode original, JsonNode copy, String prefix, String path) {
        if (original.isObject()) {
            assertThat(copy.propertyNames()).as(path).containsExactlyInAnyOrderElementsOf(original.propertyNames());
            for (String name : original.propertyNames()) {
                JsonNode o = original.get(name);
                JsonNode c = copy.get(name);
                String at = path + "." + name;
                if (path.equals("$.institution") && name.equals("id")) {
                    continue;
                }
                if (ID_FIELDS.contains(name) && !o.isNull()) {
                    assertThat(c.stringValue()).as(at).isEqualTo(prefix + o.stringValue());
                } else if (name.equals("chainIds")) {
                    assertThat(c.size()).as(at).isEqualTo(o.size());
                    for (int i = 0; i < o.size(); i++) {
                        assertThat(c.get(i).stringValue()).as(at).isEqualTo(prefix + o.get(i).stringValue());
                    }
                } else {
                    assertPrefixed(o, c, prefix, at);
                }
            }
        } else if (original.isArray()) {
            assertThat(copy.size()).as(path).isEqualTo(original.size());
            for (int i = 0; i < original.size(); i++) {
                assertPrefixed(original.get(i), copy.get(i), prefix, path + "[" + i + "]");
            }
        } else {
            assertThat(copy).as(path).isEqualTo(original);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Set<String> unlinkedIntermediates(DemoInstitution d) {
        Set<String> linked = d.valueChains().stream().flatMap(v -> v.links().stream())
                .map(Link::intermediateProductId).collect(Collectors.toSet());
        return d.products().stream().filter(p -> p.type() == ProductType.INTERMEDIATE)
                .map(Product::id).filter(id -> !linked.contains(id)).collect(Collectors.toSet());
    }

    private static Map<String, BigDecimal> totalsPerEmployee(DemoInstitution d) {
        Map<String, BigDecimal> totals = new HashMap<>();
        d.interviews().forEach(i -> i.allocations()
                .forEach(a -> totals.merge(a.employeeId(), a.hours(), BigDecimal::add)));
        return totals;
    }

    private static BigDecimal sum(Map<String, BigDecimal> totals) {
        return totals.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal payroll(DemoInstitution d) {
        return d.employees().stream().map(Employee::annualCost).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal hours(DemoInstitution d) {
        return d.interviews().stream().flatMap(i -> i.allocations().stream()).map(Allocation::hours)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static long count(ProductType type) {
        return demo.products().stream().filter(p -> p.type() == type).count();
    }

    private static <T> List<String> ids(List<T> items, Function<T, String> id) {
        return items.stream().map(id).toList();
    }

    private static <T> Map<String, T> byId(List<T> items, Function<T, String> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }

    private static void assertUnique(List<String> ids) {
        assertThat(ids).doesNotContainNull().doesNotHaveDuplicates();
    }
}
