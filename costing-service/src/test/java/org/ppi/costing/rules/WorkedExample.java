package org.ppi.costing.rules;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

/** DOMAIN.md's worked example, as a snapshot, plus small builders shared by the tests. */
final class WorkedExample {

    private WorkedExample() {
    }

    static CostingInput input(CostingMethod method) {
        Builder b = new Builder(method);
        b.center("C1", CenterArea.SUBSTANTIVE, 120_000);
        b.center("C2", CenterArea.SUPPORT, 60_000);
        b.employee("Ana", "C1", 1_200_000, 40);
        b.employee("Beto", "C1", 900_000, 40);
        b.employee("Carla", "C1", 600_000, 20);
        b.employee("Diego", "C2", 800_000, 40);
        b.employee("Elena", "C2", 500_000, 40);
        b.product("P1", "C1", ProductType.TERMINAL, true, Rational.of(1_200));
        b.product("P2", "C1", ProductType.TERMINAL, false, Rational.of(1));
        b.product("P3", "C2", ProductType.INTERMEDIATE, false, Rational.of(12));
        b.product("P4", "C2", ProductType.INTERMEDIATE, false, Rational.of(40));
        b.product("P5", "C2", ProductType.INTERMEDIATE, false, Rational.ZERO);
        b.allocate("Ana", "P1", 30).allocate("Ana", "P2", 8);
        b.allocate("Beto", "P1", 40);
        b.allocate("Carla", "P1", 10).allocate("Carla", "P2", 10);
        b.allocate("Diego", "P3", 20).allocate("Diego", "P4", 16);
        b.allocate("Elena", "P4", 24).allocate("Elena", "P5", 10);
        b.link("P3", "P1", 3).link("P3", "P2", 1).link("P4", "P1", 1);
        return b.build();
    }

    static BigDecimal cents(String value) {
        return new BigDecimal(value).setScale(2);
    }

    static Rational money(String value) {
        return Rational.of(new BigDecimal(value));
    }

    /** Terse snapshot builder: tests read like DOMAIN.md's description of the example. */
    static final class Builder {
        private final CostingMethod method;
        private Rational weeklyHours = Rational.of(40);
        private final Map<String, CenterInput> centers = new LinkedHashMap<>();
        private final Map<String, EmployeeInput> employees = new LinkedHashMap<>();
        private final Map<String, ProductInput> products = new LinkedHashMap<>();
        private final List<AllocationInput> allocations = new ArrayList<>();
        private final List<LinkInput> links = new ArrayList<>();

        Builder(CostingMethod method) {
            this.method = method;
        }

        Builder weeklyHours(long hours) {
            weeklyHours = Rational.of(hours);
            return this;
        }

        Builder center(String id, CenterArea area, long nonLabour) {
            centers.put(id, new CenterInput(id, area, Rational.of(nonLabour)));
            return this;
        }

        Builder employee(String id, String center, long annualCost, long contractedHours) {
            return employee(id, center, Rational.of(annualCost), Rational.of(contractedHours));
        }

        Builder employee(String id, String center, Rational annualCost, Rational contractedHours) {
            employees.put(id, new EmployeeInput(id, center, annualCost, contractedHours));
            return this;
        }

        Builder product(String id, String center, ProductType type, boolean core, Rational volume) {
            products.put(id, new ProductInput(id, center, type, core, volume));
            return this;
        }

        Builder allocate(String employee, String product, long hours) {
            allocations.add(new AllocationInput(employee, product, Rational.of(hours)));
            return this;
        }

        Builder link(String supplier, String consumer, long weight) {
            links.add(new LinkInput(supplier, consumer, Rational.of(weight)));
            return this;
        }

        CostingInput build() {
            return new CostingInput(weeklyHours, method, centers, employees, products, allocations, links);
        }
    }
}
