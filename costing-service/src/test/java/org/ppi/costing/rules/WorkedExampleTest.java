package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.costing.rules.WorkedExample.cents;

import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;

/** Every figure of DOMAIN.md's worked-example table, under both methods. */
class WorkedExampleTest {

    private static Map<String, Rational> labourByEmployee(ProductCost p) {
        Map<String, Rational> result = new java.util.HashMap<>();
        p.labourRows().forEach(r -> result.put(r.employeeId(), r.labour()));
        return result;
    }

    @Nested
    class Classic {
        private final CostingInput input = WorkedExample.input(CostingMethod.CLASSIC);
        private final CostingResult result = CostingRules.compute(input);

        @Test
        void p1LabourPerEmployee() {
            Map<String, Rational> labour = labourByEmployee(result.product("P1"));
            assertThat(labour.get("Ana").toCents()).isEqualTo(cents("675000"));
            assertThat(labour.get("Beto").toCents()).isEqualTo(cents("900000"));
            assertThat(labour.get("Carla").toCents()).isEqualTo(cents("225000"));
        }

        @Test
        void p1SharesAndRowUnitCostsAreTheSeedsColumns() {
            LabourRow ana = result.product("P1").labourRows().stream()
                    .filter(r -> r.employeeId().equals("Ana")).findFirst().orElseThrow();
            assertThat(ana.share()).isEqualTo(Rational.parse("1/4"));
            assertThat(ana.unitCost().toCents()).isEqualTo(cents("562.50"));
        }

        @Test
        void p1NonLabourDirectAndUnit() {
            ProductCost p1 = result.product("P1");
            assertThat(p1.nonLabour().toCents()).isEqualTo(cents("80000"));
            assertThat(p1.direct().toCents()).isEqualTo(cents("1880000"));
            assertThat(p1.unitCost().toCents()).isEqualTo(cents("1566.67"));
            assertThat(p1.volumeGap()).isFalse();
        }

        @Test
        void directCostsOfTheOtherProducts() {
            assertThat(result.product("P2").direct().toCents()).isEqualTo(cents("423000"));
            assertThat(result.product("P3").direct().toCents()).isEqualTo(cents("340000"));
            assertThat(result.product("P4").direct().toCents()).isEqualTo(cents("680000"));
        }

        @Test
        void p5HasADirectCostButNoUnitCost() {
            ProductCost p5 = result.product("P5");
            assertThat(p5.direct().toCents()).isEqualTo(cents("170000"));
            assertThat(p5.unitCost()).isNull();
            assertThat(p5.fullUnitCost()).isNull();
            assertThat(p5.volumeGap()).isTrue();
            assertThat(result.volumeGaps()).containsExactly("P5");
        }

        @Test
        void fullCosts() {
            ProductCost p1 = result.product("P1");
            assertThat(p1.fullCost().toCents()).isEqualTo(cents("2815000"));
            assertThat(p1.fullUnitCost().toCents()).isEqualTo(cents("2345.83"));
            assertThat(p1.inflows()).containsOnlyKeys("P3", "P4");
            assertThat(p1.inflows().get("P3").toCents()).isEqualTo(cents("255000"));
            assertThat(p1.inflows().get("P4").toCents()).isEqualTo(cents("680000"));
            assertThat(result.product("P2").fullCost().toCents()).isEqualTo(cents("508000"));
        }

        @Test
        void unusedPerEmployee() {
            assertThat(result.employee("Ana").unusedCost().toCents()).isEqualTo(cents("45000"));
            assertThat(result.employee("Beto").unusedCost().toCents()).isEqualTo(cents("0"));
            assertThat(result.employee("Carla").unusedCost().toCents()).isEqualTo(cents("450000"));
            assertThat(result.employee("Diego").unusedCost().toCents()).isEqualTo(cents("65000"));
            assertThat(result.employee("Elena").unusedCost().toCents()).isEqualTo(cents("97500"));
            assertThat(result.employees().values()).noneMatch(EmployeeCost::overAllocated);
        }

        @Test
        void unusedPerCenterIncludesNonLabour() {
            assertThat(result.center("C1").unusedCost().toCents()).isEqualTo(cents("517000"));
            assertThat(result.center("C2").unusedCost().toCents()).isEqualTo(cents("170000"));
            assertThat(result.center("C1").capacityHours()).isEqualTo(Rational.of(120));
            assertThat(result.center("C1").allocatedHours()).isEqualTo(Rational.of(98));
        }

        @Test
        void centralActionsTotalAndReconciliation() {
            assertThat(result.unattributed()).containsOnlyKeys("P5");
            assertThat(result.product("P5").attributed()).isFalse();
            assertThat(result.product("P3").attributed()).isTrue();
            InstitutionTotals totals = result.totals();
            assertThat(totals.unattributedIntermediateCost().toCents()).isEqualTo(cents("170000"));
            assertThat(totals.totalCost().toCents()).isEqualTo(cents("4180000"));
            assertThat(totals.terminalFullCost().plus(totals.unattributedIntermediateCost())
                    .plus(totals.unusedCost()).toCents()).isEqualTo(cents("4180000"));
            assertThat(totals.reconciles()).isTrue();
            assertThat(totals.roundingResidue()).isEqualByComparingTo("0");
        }

        @Test
        void incrementalEntryPointsAgreeWithTheFullComputation() {
            for (String id : input.products().keySet()) {
                assertThat(CostingRules.productCost(input, id)).isEqualTo(result.product(id));
            }
            for (String id : input.employees().keySet()) {
                assertThat(CostingRules.employeeCost(input, id)).isEqualTo(result.employee(id));
            }
            assertThat(CostingRules.centerCost(input, "C1")).isEqualTo(result.center("C1"));
            FullCosts full = CostingRules.fullCosts(input, Map.of("P3", result.product("P3").direct()));
            assertThat(full.of("P1").fullCost()).isEqualTo(result.product("P1").fullCost());
        }
    }

    @Nested
    class Individual {
        private final CostingInput input = WorkedExample.input(CostingMethod.INDIVIDUAL);
        private final CostingResult result = CostingRules.compute(input);

        @Test
        void p1LabourPerEmployee() {
            Map<String, Rational> labour = labourByEmployee(result.product("P1"));
            assertThat(labour.get("Ana").toCents()).isEqualTo(cents("900000"));
            assertThat(labour.get("Beto").toCents()).isEqualTo(cents("900000"));
            assertThat(labour.get("Carla").toCents()).isEqualTo(cents("300000"));
        }

        @Test
        void sharesAreOfTheEmployeesOwnContract() {
            LabourRow carla = result.product("P1").labourRows().stream()
                    .filter(r -> r.employeeId().equals("Carla")).findFirst().orElseThrow();
            assertThat(carla.share()).isEqualTo(Rational.parse("1/2"));
        }

        @Test
        void p1NonLabourDirectAndUnit() {
            ProductCost p1 = result.product("P1");
            assertThat(p1.nonLabour().toCents()).isEqualTo(cents("96000"));
            assertThat(p1.direct().toCents()).isEqualTo(cents("2196000"));
            assertThat(p1.unitCost().toCents()).isEqualTo(cents("1830.00"));
        }

        @Test
        void directCostsOfTheOtherProducts() {
            assertThat(result.product("P2").direct().toCents()).isEqualTo(cents("561600"));
            assertThat(result.product("P3").direct().toCents()).isEqualTo(cents("415000"));
            assertThat(result.product("P4").direct().toCents()).isEqualTo(cents("650000"));
        }

        @Test
        void p5HasADirectCostButNoUnitCost() {
            ProductCost p5 = result.product("P5");
            assertThat(p5.direct().toCents()).isEqualTo(cents("132500"));
            assertThat(p5.unitCost()).isNull();
            assertThat(p5.volumeGap()).isTrue();
        }

        @Test
        void fullCosts() {
            ProductCost p1 = result.product("P1");
            assertThat(p1.fullCost().toCents()).isEqualTo(cents("3157250"));
            assertThat(p1.fullUnitCost().toCents()).isEqualTo(cents("2631.04"));
            assertThat(result.product("P2").fullCost().toCents()).isEqualTo(cents("665350"));
        }

        @Test
        void unusedPerEmployee() {
            assertThat(result.employee("Ana").unusedCost().toCents()).isEqualTo(cents("60000"));
            assertThat(result.employee("Beto").unusedCost().toCents()).isEqualTo(cents("0"));
            assertThat(result.employee("Carla").unusedCost().toCents()).isEqualTo(cents("0"));
            assertThat(result.employee("Diego").unusedCost().toCents()).isEqualTo(cents("80000"));
            assertThat(result.employee("Elena").unusedCost().toCents()).isEqualTo(cents("75000"));
        }

        @Test
        void unusedPerCenterIncludesNonLabour() {
            assertThat(result.center("C1").unusedCost().toCents()).isEqualTo(cents("62400"));
            assertThat(result.center("C2").unusedCost().toCents()).isEqualTo(cents("162500"));
            assertThat(result.center("C1").capacityHours()).isEqualTo(Rational.of(100));
        }

        @Test
        void centralActionsTotalAndReconciliation() {
            InstitutionTotals totals = result.totals();
            assertThat(totals.unattributedIntermediateCost().toCents()).isEqualTo(cents("132500"));
            assertThat(totals.totalCost().toCents()).isEqualTo(cents("4180000"));
            assertThat(totals.terminalFullCost().plus(totals.unattributedIntermediateCost())
                    .plus(totals.unusedCost()).toCents()).isEqualTo(cents("4180000"));
            assertThat(totals.reconciles()).isTrue();
            assertThat(totals.roundingResidue()).isEqualByComparingTo("0");
        }

        @Test
        void incrementalEntryPointsAgreeWithTheFullComputation() {
            for (String id : input.products().keySet()) {
                assertThat(CostingRules.productCost(input, id)).isEqualTo(result.product(id));
            }
            for (String id : input.employees().keySet()) {
                assertThat(CostingRules.employeeCost(input, id)).isEqualTo(result.employee(id));
            }
            assertThat(CostingRules.centerCost(input, "C2")).isEqualTo(result.center("C2"));
        }
    }
}
