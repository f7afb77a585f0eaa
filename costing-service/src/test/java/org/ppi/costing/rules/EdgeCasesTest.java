package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ppi.costing.rules.WorkedExample.cents;

import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

class EdgeCasesTest {

    private static WorkedExample.Builder oneCenter(CostingMethod method) {
        return new WorkedExample.Builder(method)
                .center("C", CenterArea.SUBSTANTIVE, 40_000)
                .employee("E", "C", 400_000, 40);
    }

    @Test
    void volumeZeroAndUnknownGiveNoUnitCostAndAFlag() {
        CostingInput input = oneCenter(CostingMethod.INDIVIDUAL)
                .product("ZERO", "C", ProductType.TERMINAL, false, Rational.ZERO)
                .product("NONE", "C", ProductType.TERMINAL, false, null)
                .allocate("E", "ZERO", 10).allocate("E", "NONE", 10)
                .build();
        CostingResult result = CostingRules.compute(input);
        for (String id : new String[] {"ZERO", "NONE"}) {
            ProductCost p = result.product(id);
            assertThat(p.volumeGap()).isTrue();
            assertThat(p.unitCost()).isNull();
            assertThat(p.fullUnitCost()).isNull();
            assertThat(p.labourRows()).allMatch(r -> r.unitCost() == null);
            assertThat(p.direct().toCents()).isEqualTo(cents("110000"));
        }
        assertThat(result.totals().reconciles()).isTrue();
    }

    @Test
    void overAllocationKeepsANegativeUnusedAndIsFlagged() {
        CostingInput input = oneCenter(CostingMethod.INDIVIDUAL)
                .product("P", "C", ProductType.TERMINAL, false, Rational.ONE)
                .allocate("E", "P", 50)
                .build();
        CostingResult result = CostingRules.compute(input);
        EmployeeCost e = result.employee("E");
        assertThat(e.unusedCost().toCents()).isEqualTo(cents("-100000"));
        assertThat(e.overAllocated()).isTrue();
        CenterCost c = result.center("C");
        assertThat(c.overAllocated()).isTrue();
        assertThat(c.unusedCost().toCents()).isEqualTo(cents("-110000"));
        assertThat(result.totals().reconciles()).isTrue();
    }

    @Test
    void classicFlagsHoursAboveTheContractEvenWhenTheCenterAveragePaysForThem() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC)
                .employee("PART", "C", 200_000, 20)
                .product("P", "C", ProductType.TERMINAL, false, Rational.ONE)
                .allocate("PART", "P", 30)
                .build();
        EmployeeCost part = CostingRules.employeeCost(input, "PART");
        assertThat(part.unusedCost().signum()).isPositive();
        assertThat(part.overAllocated()).isTrue();
        assertThat(CostingRules.employeeCost(input, "E").overAllocated()).isFalse();
    }

    @Test
    void employeeOfAnUnknownCenterIsCostedWithNoNonLabour() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC)
                .employee("X", "GHOST", 100_000, 40)
                .product("P", "C", ProductType.TERMINAL, false, Rational.ONE)
                .allocate("X", "P", 20)
                .build();
        CostingResult result = CostingRules.compute(input);
        assertThat(result.product("P").direct().toCents()).isEqualTo(cents("50000"));
        CenterCost ghost = result.center("GHOST");
        assertThat(ghost.area()).isNull();
        assertThat(ghost.nonLabour()).isEqualTo(Rational.ZERO);
        assertThat(ghost.unusedCost().toCents()).isEqualTo(cents("50000"));
        assertThat(result.totals().totalCost().toCents()).isEqualTo(cents("540000"));
        assertThat(result.totals().reconciles()).isTrue();
    }

    @Test
    void contractedHoursDefaultToTheStandardWeekAndZeroHoursPriceNothing() {
        CostingInput input = new WorkedExample.Builder(CostingMethod.INDIVIDUAL)
                .center("C", CenterArea.SUPPORT, 0)
                .employee("DEFAULT", "C", Rational.of(400_000), null)
                .employee("NOHOURS", "C", Rational.of(100_000), Rational.ZERO)
                .product("P", "C", ProductType.TERMINAL, false, Rational.ONE)
                .allocate("DEFAULT", "P", 10).allocate("NOHOURS", "P", 5)
                .build();
        CostingResult result = CostingRules.compute(input);
        assertThat(result.employee("DEFAULT").contractedHours()).isEqualTo(Rational.of(40));
        assertThat(result.employee("DEFAULT").allocatedCost().toCents()).isEqualTo(cents("100000"));
        EmployeeCost none = result.employee("NOHOURS");
        assertThat(none.allocatedCost()).isEqualTo(Rational.ZERO);
        assertThat(none.unusedCost().toCents()).isEqualTo(cents("100000"));
        assertThat(none.overAllocated()).isTrue();
        assertThat(result.totals().reconciles()).isTrue();
    }

    @Test
    void repeatedAllocationRowsAreAddedIntoOneLabourRow() {
        CostingInput input = oneCenter(CostingMethod.INDIVIDUAL)
                .product("P", "C", ProductType.TERMINAL, false, Rational.ONE)
                .allocate("E", "P", 10).allocate("E", "P", 5)
                .build();
        ProductCost p = CostingRules.productCost(input, "P");
        assertThat(p.labourRows()).hasSize(1);
        assertThat(p.labourRows().get(0).hours()).isEqualTo(Rational.of(15));
    }

    @Test
    void linksFromTerminalProductsAndZeroWeightsCarryNoCost() {
        CostingInput input = oneCenter(CostingMethod.INDIVIDUAL)
                .product("T1", "C", ProductType.TERMINAL, false, Rational.ONE)
                .product("T2", "C", ProductType.TERMINAL, false, Rational.ONE)
                .product("I", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .allocate("E", "T1", 10).allocate("E", "T2", 10).allocate("E", "I", 10)
                .link("T1", "T2", 1).link("I", "T2", 0)
                .build();
        CostingResult result = CostingRules.compute(input);
        assertThat(result.product("T2").fullCost()).isEqualTo(result.product("T2").direct());
        assertThat(result.product("T1").fullCost()).isEqualTo(result.product("T1").direct());
        assertThat(result.product("I").sink()).isTrue();
        assertThat(result.totals().reconciles()).isTrue();
    }

    @Test
    void aCycleIsRejected() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC)
                .product("I1", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .product("I2", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .product("T", "C", ProductType.TERMINAL, false, Rational.ONE)
                .link("I1", "I2", 1).link("I2", "I1", 1).link("I2", "T", 1)
                .build();
        assertThatThrownBy(() -> CostingRules.compute(input))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("I1").hasMessageContaining("I2");
        assertThatThrownBy(() -> CostingRules.productCost(input, "T")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSelfLinkIsACycle() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC)
                .product("I", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .link("I", "I", 1)
                .build();
        assertThatThrownBy(() -> CostingRules.compute(input)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void directCostIsAvailableEvenWhenTheLinkGraphIsBroken() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC)
                .product("I", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .link("I", "I", 1)
                .allocate("E", "I", 4)
                .build();
        assertThat(CostingRules.prepare(input).directCost("I").toCents()).isEqualTo(cents("44000"));
    }

    @Test
    void mismatchedMapKeysAndNonPositiveWeekAreRejected() {
        assertThatThrownBy(() -> new CostingInput(Rational.ZERO, CostingMethod.CLASSIC, null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CostingInput(null, CostingMethod.CLASSIC,
                java.util.Map.of("A", new CenterInput("B", CenterArea.SUPPORT, null)), null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CostingInput(null, CostingMethod.CLASSIC, null, null, null, null, null).weeklyHours())
                .isEqualTo(Rational.of(40));
    }

    @Test
    void danglingAllocationsAreRejectedRatherThanLeakingCost() {
        CostingInput input = oneCenter(CostingMethod.CLASSIC).allocate("E", "RETIRED", 5).build();
        assertThatThrownBy(() -> CostingRules.compute(input))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RETIRED");
    }
}
