package org.ppi.costing.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CostingMethod;

/** Chains of intermediates, settled suppliers first; direct costs are given, so only the links matter. */
class StepDownAllocationTest {

    /**
     * I1 (100) feeds I2 and T2 equally; I2 (50 + 50 received) feeds T1 and T2 at 1:3; I3 (7) feeds only I4 (5),
     * which feeds nothing: both end in central actions, and only I1, I2 are attributed.
     */
    private static CostingInput chain() {
        return new WorkedExample.Builder(CostingMethod.INDIVIDUAL)
                .center("C", CenterArea.SUPPORT, 0)
                .product("I1", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .product("I2", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .product("I3", "C", ProductType.INTERMEDIATE, false, Rational.ONE)
                .product("I4", "C", ProductType.INTERMEDIATE, false, null)
                .product("T1", "C", ProductType.TERMINAL, true, Rational.of(5))
                .product("T2", "C", ProductType.TERMINAL, false, null)
                .link("I1", "I2", 1).link("I1", "T2", 1)
                .link("I2", "T1", 1).link("I2", "T2", 3)
                .link("I3", "I4", 2)
                .build();
    }

    private static final Map<String, Rational> DIRECT = Map.of(
            "I1", Rational.of(100), "I2", Rational.of(50), "I3", Rational.of(7), "I4", Rational.of(5),
            "T1", Rational.of(10), "T2", Rational.of(20));

    @Test
    void intermediateToIntermediateToTerminal() {
        FullCosts full = CostingRules.fullCosts(chain(), DIRECT);

        assertThat(full.of("I2").fullCost()).isEqualTo(Rational.of(100));
        assertThat(full.of("I2").inflows()).isEqualTo(Map.of("I1", Rational.of(50)));
        assertThat(full.of("T1").fullCost()).isEqualTo(Rational.of(35));
        assertThat(full.of("T1").inflows()).isEqualTo(Map.of("I2", Rational.of(25)));
        assertThat(full.of("T2").fullCost()).isEqualTo(Rational.of(145));
        assertThat(full.of("T2").inflows()).isEqualTo(Map.of("I1", Rational.of(50), "I2", Rational.of(75)));
    }

    @Test
    void deadEndChainsGoToCentralActions() {
        FullCosts full = CostingRules.fullCosts(chain(), DIRECT);

        assertThat(full.unattributed()).isEqualTo(Map.of("I4", Rational.of(12)));
        assertThat(full.centralActions()).isEqualTo(Rational.of(12));
        assertThat(full.of("I1").attributed()).isTrue();
        assertThat(full.of("I2").attributed()).isTrue();
        assertThat(full.of("I3").attributed()).isFalse();
        assertThat(full.of("I4").attributed()).isFalse();
        assertThat(full.of("I4").sink()).isTrue();
        // nothing created or lost: 35 + 145 + 12 = 100 + 50 + 7 + 5 + 10 + 20
        assertThat(full.of("T1").fullCost().plus(full.of("T2").fullCost()).plus(full.centralActions()))
                .isEqualTo(Rational.of(192));
    }

    @Test
    void oneProductIsSettledFromItsUpstreamOnly() {
        LinkGraph graph = CostingIndex.of(chain()).graph();
        assertThat(graph.upstreamOf("T1")).containsExactly("I1", "I2", "T1");
        assertThat(graph.downstreamOf("I1")).containsExactly("I1", "I2", "T1", "T2");
        assertThat(StepDownAllocation.of(graph, "T1", DIRECT::get).fullCost()).isEqualTo(Rational.of(35));
    }

    @Test
    void missingDirectCostsAreComputedFromTheSnapshot() {
        CostingInput input = WorkedExample.input(CostingMethod.CLASSIC);
        FullCosts full = CostingRules.fullCosts(input, Map.of());
        assertThat(full.of("P1").fullCost().toCents()).isEqualTo(WorkedExample.cents("2815000"));
        assertThat(CostingRules.prepare(input).downstreamOf(java.util.Set.of("P3")))
                .startsWith("P3").containsExactlyInAnyOrder("P3", "P1", "P2");
    }
}
