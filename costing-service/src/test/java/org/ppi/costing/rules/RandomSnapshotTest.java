package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

/**
 * A snapshot the size of the Defensor del Pueblo's (30 centers, 87 employees, 258 products, 450 allocations)
 * with random salaries, contracts, volumes, gaps, over-allocations, employees of unknown centers and a random
 * link DAG with intermediate chains: the reconciliation must hold exactly, and every incremental entry point
 * must agree with the full computation.
 */
class RandomSnapshotTest {

    static CostingInput snapshot(CostingMethod method, long seed) {
        Random random = new Random(seed);
        Map<String, CenterInput> centers = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            String id = "C%02d".formatted(i);
            Rational nonLabour = random.nextInt(4) == 0 ? Rational.ZERO
                    : Rational.of(BigDecimal.valueOf(random.nextInt(50_000_000), 2));
            centers.put(id, new CenterInput(id, i % 3 == 0 ? CenterArea.SUPPORT : CenterArea.SUBSTANTIVE, nonLabour));
        }
        Map<String, EmployeeInput> employees = new HashMap<>();
        long[] contracts = {20, 30, 40, 40, 44};
        for (int i = 0; i < 87; i++) {
            String id = "E%02d".formatted(i);
            String center = i < 85 ? "C%02d".formatted(random.nextInt(30)) : "UNKNOWN";
            Rational annual = Rational.of(BigDecimal.valueOf(30_000_000L + random.nextInt(270_000_000), 2));
            Rational hours = random.nextInt(10) == 0 ? null : Rational.of(contracts[random.nextInt(contracts.length)]);
            employees.put(id, new EmployeeInput(id, center, annual, hours));
        }
        List<String> productIds = new ArrayList<>();
        Map<String, ProductInput> products = new HashMap<>();
        for (int i = 0; i < 258; i++) {
            String id = "P%03d".formatted(i);
            ProductType type = random.nextInt(10) < 4 ? ProductType.INTERMEDIATE : ProductType.TERMINAL;
            int v = random.nextInt(20);
            Rational volume = v == 0 ? null : v == 1 ? Rational.ZERO : Rational.of(1 + random.nextInt(5000));
            products.put(id, new ProductInput(id, "C%02d".formatted(random.nextInt(30)), type,
                    type == ProductType.TERMINAL && random.nextBoolean(), volume));
            productIds.add(id);
        }
        List<AllocationInput> allocations = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            allocations.add(new AllocationInput("E%02d".formatted(random.nextInt(87)),
                    productIds.get(random.nextInt(258)), Rational.of(1 + random.nextInt(16))));
        }
        // Links only go from a lower index to a higher one: a DAG, with intermediate chains of any depth.
        List<LinkInput> links = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            if (products.get(productIds.get(i)).type() == ProductType.INTERMEDIATE && random.nextInt(5) > 0) {
                int fanOut = 1 + random.nextInt(3);
                for (int k = 0; k < fanOut; k++) {
                    int j = i + 1 + random.nextInt(Math.min(40, 257 - i));
                    links.add(new LinkInput(productIds.get(i), productIds.get(j), Rational.of(1 + random.nextInt(5))));
                }
            }
        }
        return new CostingInput(Rational.of(40), method, centers, employees, products, allocations, links);
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void reconcilesExactly(CostingMethod method) {
        CostingResult result = CostingRules.compute(snapshot(method, 20_260_101L));
        InstitutionTotals totals = result.totals();

        assertThat(totals.reconciles()).isTrue();
        assertThat(totals.terminalFullCost().plus(totals.unattributedIntermediateCost()).plus(totals.unusedCost()))
                .isEqualTo(totals.totalCost());
        int roundedFigures = result.terminalProducts().size() + result.unattributed().size() + result.centers().size();
        assertThat(totals.roundingResidue().abs())
                .isLessThanOrEqualTo(new BigDecimal("0.005").multiply(BigDecimal.valueOf(roundedFigures + 1)));
        assertThat(result.centers()).containsKey("UNKNOWN");
        assertThat(result.volumeGaps()).isNotEmpty();
        assertThat(result.employees().values()).anyMatch(EmployeeCost::overAllocated);
        for (CenterCost c : result.centers().values()) {
            assertThat(c.allocatedCost().plus(c.unusedCost())).isEqualTo(c.payroll().plus(c.nonLabour()));
        }
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void incrementalEntryPointsAgreeWithTheFullComputation(CostingMethod method) {
        CostingInput input = snapshot(method, 7L);
        CostingResult result = CostingRules.compute(input);
        CostingRules rules = CostingRules.prepare(input);

        result.products().forEach((id, p) -> assertThat(rules.productCost(id)).isEqualTo(p));
        result.employees().forEach((id, e) -> assertThat(rules.employeeCost(id)).isEqualTo(e));
        result.centers().forEach((id, c) -> assertThat(rules.centerCost(id)).isEqualTo(c));
        Map<String, Rational> directs = new HashMap<>();
        result.products().forEach((id, p) -> directs.put(id, p.direct()));
        FullCosts full = CostingRules.fullCosts(input, directs);
        result.products().forEach((id, p) -> assertThat(full.of(id).fullCost()).isEqualTo(p.fullCost()));
        assertThat(full.centralActions()).isEqualTo(result.totals().unattributedIntermediateCost());
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void isDeterministicAndFast(CostingMethod method) {
        CostingInput input = snapshot(method, 42L);
        CostingResult first = CostingRules.compute(input);
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            CostingResult again = CostingRules.compute(input);
            best = Math.min(best, System.nanoTime() - start);
            assertThat(again).isEqualTo(first);
        }
        System.out.printf("costing %s, whole institution: %d µs%n", method, best / 1_000);
        assertThat(best / 1_000_000).isLessThan(500);
    }
}
