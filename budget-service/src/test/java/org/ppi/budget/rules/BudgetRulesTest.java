package org.ppi.budget.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.money.Rational;

class BudgetRulesTest {

    private static BigDecimal cents(String value) {
        return new BigDecimal(value).setScale(2);
    }

    /** DOMAIN.md's worked example as costing publishes it (classic). */
    private static BudgetInput classic(Map<String, Rational> plannedP1) {
        return new BudgetInput(2026,
                Map.of("P1", new TerminalCost(Rational.of(2_815_000), Rational.of(1_200)),
                        "P2", new TerminalCost(Rational.of(508_000), Rational.ONE)),
                Map.of("PR1", new ProgramInput("01", "Atención ciudadana", Set.of("P1"), plannedP1),
                        "PR2", new ProgramInput("02", "Derechos humanos", Set.of("P2"))),
                Rational.of(170_000), Rational.of(517_000 + 170_000));
    }

    @Test
    void workedExampleClassic() {
        BudgetResult result = BudgetRules.compute(classic(Map.of()));

        assertThat(result.program("PR1").budget().toCents()).isEqualTo(cents("2815000"));
        assertThat(result.program("PR2").budget().toCents()).isEqualTo(cents("508000"));
        assertThat(result.centralActions().toCents()).isEqualTo(cents("170000"));
        assertThat(result.unassignedTerminals()).isEqualTo(Rational.ZERO);
        assertThat(result.total().toCents()).isEqualTo(cents("4180000"));
        assertThat(result.reconcilesWithCost()).isTrue();
        assertThat(result.roundingResidue()).isEqualByComparingTo("0");
        assertThat(result.program("PR1").contributions().get("P1").basis())
                .isEqualTo(ProductContribution.Basis.FULL_COST);
    }

    @Test
    void workedExampleIndividual() {
        BudgetInput input = new BudgetInput(2026,
                Map.of("P1", new TerminalCost(Rational.of(3_157_250), Rational.of(1_200)),
                        "P2", new TerminalCost(Rational.of(665_350), Rational.ONE)),
                Map.of("PR1", new ProgramInput("01", "Atención ciudadana", Set.of("P1")),
                        "PR2", new ProgramInput("02", "Derechos humanos", Set.of("P2"))),
                Rational.of(132_500), Rational.of(62_400 + 162_500));
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("PR1").budget().toCents()).isEqualTo(cents("3157250"));
        assertThat(result.program("PR2").budget().toCents()).isEqualTo(cents("665350"));
        assertThat(result.centralActions().toCents()).isEqualTo(cents("132500"));
        assertThat(result.total().toCents()).isEqualTo(cents("4180000"));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void plannedVolumeScalesTheProgram() {
        BudgetResult result = BudgetRules.compute(classic(Map.of("P1", Rational.of(1_500))));

        ProgramBudget pr1 = result.program("PR1");
        assertThat(pr1.budget().toCents()).isEqualTo(cents("3518750"));
        assertThat(pr1.scaledByPlannedVolume()).isTrue();
        assertThat(pr1.contributions().get("P1").basis()).isEqualTo(ProductContribution.Basis.PLANNED_VOLUME);
        assertThat(pr1.costShare().toCents()).isEqualTo(cents("2815000"));
        assertThat(pr1.plannedBeyond().toCents()).isEqualTo(cents("703750"));
        assertThat(result.plannedBeyond().toCents()).isEqualTo(cents("703750"));
        assertThat(result.total().toCents()).isEqualTo(cents("4180000"));
        assertThat(result.budgetTotal().toCents()).isEqualTo(cents("4883750"));
        assertThat(result.costBase().toCents()).isEqualTo(cents("4180000"));
        assertThat(result.reconcilesWithCost()).isTrue();
        assertThat(BudgetRules.programBudget(classic(Map.of("P1", Rational.of(1_500))), "PR1")).isEqualTo(pr1);
    }

    @Test
    void plannedVolumeWithoutAKnownVolumeFallsBackToFullCostAndIsFlagged() {
        for (Rational volume : new Rational[] {null, Rational.ZERO}) {
            BudgetInput input = new BudgetInput(2026, Map.of("T", new TerminalCost(Rational.of(900), volume)),
                    Map.of("PR", new ProgramInput("PR", "Program", Set.of("T"), Map.of("T", Rational.of(10)))),
                    Rational.ZERO, Rational.ZERO);
            ProgramBudget pr = BudgetRules.compute(input).program("PR");
            assertThat(pr.budget()).isEqualTo(Rational.of(900));
            assertThat(pr.volumeGaps()).containsExactly("T");
            assertThat(pr.contributions().get("T").volumeGap()).isTrue();
        }
    }

    @Test
    void aProductListedByTwoProgramsIsSplitEquallySoTotalsStillReconcile() {
        BudgetInput input = new BudgetInput(2026,
                Map.of("T", new TerminalCost(Rational.of(100_000), Rational.of(10)),
                        "U", new TerminalCost(Rational.of(40_000), null)),
                Map.of("A", new ProgramInput("A", "A", Set.of("T")),
                        "B", new ProgramInput("B", "B", Set.of("T", "U"))),
                Rational.of(5_000), Rational.of(1_000));
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(50_000));
        assertThat(result.program("B").budget()).isEqualTo(Rational.of(90_000));
        assertThat(result.program("A").contributions().get("T").sharedBy()).isEqualTo(2);
        assertThat(result.total()).isEqualTo(Rational.of(146_000));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void plannedVolumesAreEachProgramsOwnPartOfASharedProduct() {
        BudgetInput input = new BudgetInput(2026, Map.of("T", new TerminalCost(Rational.of(1_000), Rational.of(100))),
                Map.of("A", new ProgramInput("A", "A", Set.of("T"), Map.of("T", Rational.of(30))),
                        "B", new ProgramInput("B", "B", Set.of("T"), Map.of("T", Rational.of(70)))),
                Rational.ZERO, Rational.ZERO);
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(300));
        assertThat(result.program("B").budget()).isEqualTo(Rational.of(700));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void terminalsInNoProgramHaveTheirOwnLine() {
        BudgetInput input = new BudgetInput(2026,
                Map.of("T", new TerminalCost(Rational.of(700), Rational.ONE),
                        "LOOSE", new TerminalCost(Rational.of(300), Rational.ONE)),
                Map.of("A", new ProgramInput("A", "A", Set.of("T"))), Rational.of(50), Rational.of(25));
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.unassignedByProduct()).isEqualTo(Map.of("LOOSE", Rational.of(300)));
        assertThat(result.unassignedTerminals()).isEqualTo(Rational.of(300));
        assertThat(result.total()).isEqualTo(Rational.of(1_075));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void aListedProductWithoutCostContributesNothingAndIsFlagged() {
        BudgetInput input = new BudgetInput(2026, Map.of(),
                Map.of("A", new ProgramInput("A", "A", Set.of("RETIRED"))), null, null);
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("A").budget()).isEqualTo(Rational.ZERO);
        assertThat(result.program("A").missingCosts()).containsExactly("RETIRED");
        assertThat(result.total()).isEqualTo(Rational.ZERO);
    }

    @Test
    void roundingResidueIsShownNotHidden() {
        BudgetInput input = new BudgetInput(2026, Map.of("T", new TerminalCost(Rational.of(100), null)),
                Map.of("A", new ProgramInput("A", "A", Set.of("T")), "B", new ProgramInput("B", "B", Set.of("T")),
                        "C", new ProgramInput("C", "C", Set.of("T"))),
                Rational.ZERO, Rational.ZERO);
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("A").budget().toCents()).isEqualTo(cents("33.33"));
        assertThat(result.total().toCents()).isEqualTo(cents("100"));
        assertThat(result.roundingResidue()).isEqualByComparingTo("0.01");
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void negativePlannedVolumeIsRejected() {
        assertThatThrownBy(() -> new ProgramInput("A", "A", Set.of("T"), Map.of("T", Rational.of(-1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
