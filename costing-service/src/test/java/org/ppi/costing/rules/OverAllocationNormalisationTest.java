package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

class OverAllocationNormalisationTest {

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void scalesAnOverAllocatedEmployeeToTheContractKeepingProportionsAndLeavesTheOthers(CostingMethod method) {
        CostingInput input = new CostingInput(Rational.of(40), method,
                Map.of("C", new CenterInput("C", CenterArea.SUBSTANTIVE, Rational.ZERO)),
                Map.of("over", new EmployeeInput("over", "C", Rational.of(1_200_000), Rational.of(40)),
                        "fine", new EmployeeInput("fine", "C", Rational.of(600_000), Rational.of(40))),
                Map.of("P", new ProductInput("P", "C", ProductType.TERMINAL, true, Rational.of(10)),
                        "Q", new ProductInput("Q", "C", ProductType.TERMINAL, false, Rational.of(5))),
                List.of(new AllocationInput("over", "P", Rational.of(30)), new AllocationInput("over", "Q", Rational.of(20)),
                        new AllocationInput("fine", "P", Rational.of(10))),
                List.of());

        CostingResult raw = CostingRules.compute(input);
        CostingResult normalised = CostingRules.compute(OverAllocationNormalisation.apply(input));

        assertThat(raw.employee("over").unusedCost().signum()).isNegative();
        assertThat(normalised.employee("over").allocatedHours()).isEqualTo(Rational.of(40));
        assertThat(normalised.employee("over").unusedCost().signum()).isNotNegative();
        assertThat(normalised.employee("over").overAllocated()).isFalse();
        // 30:20 becomes 24:16
        assertThat(normalised.product("Q").labourRows().get(0).hours()).isEqualTo(Rational.of(16));
        assertThat(normalised.employee("fine")).isEqualTo(raw.employee("fine"));
        assertThat(normalised.totals().reconciles()).isTrue();
        assertThat(normalised.totals().totalCost()).isEqualTo(raw.totals().totalCost());
    }
}
