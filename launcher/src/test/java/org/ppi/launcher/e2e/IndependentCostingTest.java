package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoInstitution.Allocation;
import org.ppi.launcher.demo.DemoInstitution.Area;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Employee;
import org.ppi.launcher.demo.DemoInstitution.Interview;
import org.ppi.launcher.demo.DemoInstitution.Link;
import org.ppi.launcher.demo.DemoInstitution.Product;
import org.ppi.launcher.demo.DemoInstitution.ProductType;
import org.ppi.launcher.demo.DemoInstitution.ValueChain;
import org.ppi.launcher.e2e.IndependentCosting.Fraction;
import org.ppi.launcher.e2e.IndependentCosting.Method;

/**
 * The end-to-end tests' own calculator, checked first against DOMAIN.md's worked example (figures computed by hand
 * there), then pinned on the demo file's products that the end-to-end test asserts (the same figures as an exact
 * script computed separately, in rationals).
 */
class IndependentCostingTest {

    @Test
    void reproducesDomainsWorkedExampleUnderBothMethods() {
        DemoInstitution example = workedExample();
        IndependentCosting classic = IndependentCosting.firstRound(example, Method.CLASSIC);
        IndependentCosting individual = IndependentCosting.firstRound(example, Method.INDIVIDUAL);
        assertThat(classic.direct("P1").cents()).isEqualTo("1880000.00");
        assertThat(individual.direct("P1").cents()).isEqualTo("2196000.00");
        assertThat(classic.direct("P2").cents()).isEqualTo("423000.00");
        assertThat(individual.direct("P2").cents()).isEqualTo("561600.00");
        assertThat(List.of(classic.direct("P3").cents(), classic.direct("P4").cents(), classic.direct("P5").cents()))
                .containsExactly("340000.00", "680000.00", "170000.00");
        assertThat(List.of(individual.direct("P3").cents(), individual.direct("P4").cents(),
                individual.direct("P5").cents())).containsExactly("415000.00", "650000.00", "132500.00");
        assertThat(classic.full("P1").cents()).isEqualTo("2815000.00");
        assertThat(individual.full("P1").cents()).isEqualTo("3157250.00");
        assertThat(classic.full("P2").cents()).isEqualTo("508000.00");
        assertThat(individual.full("P2").cents()).isEqualTo("665350.00");
        assertThat(classic.full("P3").cents()).as("an intermediate's full cost is its own").isEqualTo("340000.00");
        assertThat(classic.totalCost().cents()).isEqualTo("4180000.00");
    }

    @Test
    void aRaiseFromTheFirstOfJulyWeighs184DaysOf365() {
        Fraction cost = IndependentCosting.proRata(2026, Fraction.of(365_000), List.of(new DemoInstitution.SalaryChange(
                "E", new BigDecimal("730000"), LocalDate.of(2026, 7, 1), "ascenso")));
        assertThat(cost.cents()).isEqualTo("549000.00"); // 181 days × 1,000 + 184 days × 2,000
        assertThat(IndependentCosting.proRata(2026, Fraction.of(365_000), List.of()).cents()).isEqualTo("365000.00");
    }

    @Test
    void givesTheDemosFiguresOfBothRounds() {
        DemoInstitution demo = DemoInstitution.bundled();
        IndependentCosting first = IndependentCosting.firstRound(demo, Method.CLASSIC);
        IndependentCosting second = IndependentCosting.secondRound(demo, Method.CLASSIC);
        IndependentCosting firstIndividual = IndependentCosting.firstRound(demo, Method.INDIVIDUAL);
        IndependentCosting secondIndividual = IndependentCosting.secondRound(demo, Method.INDIVIDUAL);
        assertThat(first.totalCost().cents()).as("the seed's total").isEqualTo("122680876.54");
        assertThat(second.totalCost().cents()).as("+ 80,000 × 184/365").isEqualTo("122721205.31");
        assertThat(first.allocatedHours().cents()).isEqualTo("3435.00");
        assertThat(second.allocatedHours().cents()).isEqualTo("3432.00");
        assertThat(first.overAllocatedEmployees() - second.overAllocatedEmployees()).isEqualTo(1);
        // P091: terminal with suppliers, corrected; P084, P037: intermediates linked to several terminals
        assertThat(figures(first)).containsExactly("402847.92", "6506082.68", "159643.73", "1192618.54", "126508.40");
        assertThat(figures(second)).containsExactly("540491.29", "6576398.27", "159643.73", "1192618.54", "189762.60");
        assertThat(figures(firstIndividual))
                .containsExactly("278500.43", "6488279.95", "148747.13", "969101.77", "161933.69");
        assertThat(figures(secondIndividual))
                .containsExactly("363836.89", "6536324.84", "148747.13", "969101.77", "242900.53");
    }

    private static List<String> figures(IndependentCosting c) {
        return List.of(c.direct("P091").cents(), c.full("P091").cents(), c.direct("P084").cents(),
                c.full("P084").cents(), c.direct("P037").cents());
    }

    /** DOMAIN.md's worked example as a demo file. */
    private static DemoInstitution workedExample() {
        List<Center> centers = List.of(
                new Center("C1", "Dirección de Atención al Ciudadano", "S", Area.SUBSTANTIVE, "f", "o", "m", null,
                        new BigDecimal("120000")),
                new Center("C2", "Dirección Administrativa", "S", Area.SUPPORT, "f", "o", "m", null,
                        new BigDecimal("60000")));
        List<Employee> employees = List.of(employee("Ana", "C1", "1200000", 40), employee("Beto", "C1", "900000", 40),
                employee("Carla", "C1", "600000", 20), employee("Diego", "C2", "800000", 40),
                employee("Elena", "C2", "500000", 40));
        List<Product> products = List.of(product("P1", "C1", ProductType.TERMINAL, 1200),
                product("P2", "C1", ProductType.TERMINAL, 1), product("P3", "C2", ProductType.INTERMEDIATE, 12),
                product("P4", "C2", ProductType.INTERMEDIATE, 40), product("P5", "C2", ProductType.INTERMEDIATE, 0));
        List<Interview> interviews = List.of(
                new Interview("I1", "C1", LocalDate.of(2026, 2, 2), "x", List.of(), true, List.of(
                        allocation("Ana", "P1", 30), allocation("Ana", "P2", 8), allocation("Beto", "P1", 40),
                        allocation("Carla", "P1", 10), allocation("Carla", "P2", 10))),
                new Interview("I2", "C2", LocalDate.of(2026, 2, 3), "x", List.of(), true, List.of(
                        allocation("Diego", "P3", 20), allocation("Diego", "P4", 16), allocation("Elena", "P4", 24),
                        allocation("Elena", "P5", 10))));
        List<ValueChain> chains = List.of(
                new ValueChain("V1", "v1", "R", "P1", List.of(new Link("P3", "P1", new BigDecimal(3)),
                        new Link("P4", "P1", BigDecimal.ONE))),
                new ValueChain("V2", "v2", "R", "P2", List.of(new Link("P3", "P2", BigDecimal.ONE))));
        return new DemoInstitution(new DemoInstitution.Institution("x", "x", "DO", "DOP", 2026, new BigDecimal(40),
                DemoInstitution.CostingMethod.CLASSIC), List.of(new DemoInstitution.Scope("S", "s")), centers,
                employees, products, interviews, List.of(), List.of(), chains, List.of(), null);
    }

    private static Employee employee(String id, String center, String cost, int hours) {
        return new Employee(id, center, id, "p", new BigDecimal(cost), BigDecimal.valueOf(hours));
    }

    private static Product product(String id, String center, ProductType type, int volume) {
        return new Product(id, center, id, "d", type, false, BigDecimal.valueOf(volume), "u", List.of(), null, null,
                List.of(), null, null);
    }

    private static Allocation allocation(String employee, String product, int hours) {
        return new Allocation(employee, product, BigDecimal.valueOf(hours));
    }
}
