package org.ppi.budget.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.money.Rational;

/** Terminal products delivered by several programs, central activities' products and APNOP lines. */
class ProductDivisionTest {

    private static final TerminalCost T = new TerminalCost(Rational.of(1_000), Rational.of(100));

    private static BudgetInput twoPrograms(Map<String, Rational> planA, Map<String, Rational> planB,
                                           Map<String, Map<String, Rational>> shares) {
        return new BudgetInput(2026, Map.of("T", T),
                Map.of("A", new ProgramInput("A", "A", Set.of("T"), planA),
                        "B", new ProgramInput("B", "B", Set.of("T"), planB)),
                Rational.of(10), Rational.of(5), shares, Set.of(), Map.of());
    }

    @Test
    void oneProgramPlanningTheWholeVolumeTakesTheWholeCostAndTheOtherNone() {
        BudgetResult result = BudgetRules.compute(twoPrograms(Map.of("T", Rational.of(100)), Map.of(), Map.of()));

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(1_000));
        assertThat(result.program("B").budget()).isEqualTo(Rational.ZERO);
        assertThat(result.programsTotal()).isEqualTo(Rational.of(1_000));
        assertThat(result.total()).isEqualTo(Rational.of(1_015));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void whatAPlanLeavesGoesToTheProgramsThatDoNotPlan() {
        BudgetResult result = BudgetRules.compute(twoPrograms(Map.of("T", Rational.of(30)), Map.of(), Map.of()));

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(300));
        assertThat(result.program("B").budget()).isEqualTo(Rational.of(700));
        assertThat(result.program("B").contributions().get("T").basis()).isEqualTo(ProductContribution.Basis.FULL_COST);
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void plansAboveTheMeasuredVolumeDivideTheCostByTheirPlansAndShowTheExcessApart() {
        BudgetResult result = BudgetRules.compute(
                twoPrograms(Map.of("T", Rational.of(90)), Map.of("T", Rational.of(60)), Map.of()));

        ProgramBudget a = result.program("A");
        assertThat(a.costShare()).isEqualTo(Rational.of(600));
        assertThat(a.budget()).isEqualTo(Rational.of(900));
        assertThat(a.plannedBeyond()).isEqualTo(Rational.of(300));
        assertThat(result.program("B").costShare()).isEqualTo(Rational.of(400));
        assertThat(result.plannedBeyond()).isEqualTo(Rational.of(500));
        assertThat(result.programsTotal()).isEqualTo(Rational.of(1_000));
        assertThat(result.reconcilesWithCost()).isTrue();
        assertThat(result.budgetTotal()).isEqualTo(Rational.of(1_515));
    }

    @Test
    void plansBelowTheMeasuredVolumeLeaveTheRestOnTheUnassignedLine() {
        BudgetResult result = BudgetRules.compute(
                twoPrograms(Map.of("T", Rational.of(20)), Map.of("T", Rational.of(50)), Map.of()));

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(200));
        assertThat(result.program("B").budget()).isEqualTo(Rational.of(500));
        assertThat(result.unassignedByProduct()).isEqualTo(Map.of("T", Rational.of(300)));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void recordedSharesDivideTheProductAndAnIncompleteSetLeavesTheRestUnassigned() {
        BudgetResult shared = BudgetRules.compute(twoPrograms(Map.of(), Map.of(),
                Map.of("T", Map.of("A", Rational.parse("1/4")))));
        assertThat(shared.program("A").budget()).isEqualTo(Rational.of(250));
        assertThat(shared.program("A").contributions().get("T").basis())
                .isEqualTo(ProductContribution.Basis.RECORDED_SHARE);
        assertThat(shared.program("B").budget()).isEqualTo(Rational.of(750));

        BudgetResult incomplete = BudgetRules.compute(twoPrograms(Map.of(), Map.of(),
                Map.of("T", Map.of("A", Rational.parse("1/4"), "B", Rational.parse("1/2")))));
        assertThat(incomplete.program("B").budget()).isEqualTo(Rational.of(500));
        assertThat(incomplete.unassignedByProduct()).isEqualTo(Map.of("T", Rational.of(250)));
        assertThat(incomplete.reconcilesWithCost()).isTrue();

        BudgetResult afterPlan = BudgetRules.compute(twoPrograms(Map.of("T", Rational.of(60)), Map.of(),
                Map.of("T", Map.of("A", Rational.parse("1/2"), "B", Rational.parse("1/2")))));
        assertThat(afterPlan.program("A").budget()).isEqualTo(Rational.of(600));
        assertThat(afterPlan.program("B").budget()).isEqualTo(Rational.of(200));
        assertThat(afterPlan.unassignedTerminals()).isEqualTo(Rational.of(200));
    }

    @Test
    void aCentralActivitysTerminalProductIsCentralActionsNotAProgram() {
        BudgetInput input = new BudgetInput(2026, Map.of("T", T, "C", new TerminalCost(Rational.of(70), null)),
                Map.of("A", new ProgramInput("A", "A", Set.of("T", "C"))), Rational.of(10), Rational.of(5),
                Map.of(), Set.of("C"), Map.of());
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.program("A").budget()).isEqualTo(Rational.of(1_000));
        assertThat(result.program("A").centralProducts()).containsExactly("C");
        assertThat(result.centralActions()).isEqualTo(Rational.of(80));
        assertThat(result.centralProducts()).isEqualTo(Map.of("C", Rational.of(70)));
        assertThat(result.unassignedTerminals()).isEqualTo(Rational.ZERO);
        assertThat(result.total()).isEqualTo(Rational.of(1_085));
        assertThat(result.reconcilesWithCost()).isTrue();
    }

    @Test
    void apnopLinesAreApartFromTheReconciliationButInTheGrandTotal() {
        BudgetInput input = new BudgetInput(2026, Map.of("T", T),
                Map.of("A", new ProgramInput("A", "A", Set.of("T"))), Rational.ZERO, Rational.ZERO, Map.of(), Set.of(),
                Map.of("L1", new ApnopLine("L1", "Pensiones", "PENSION", Rational.parse("1234.5")),
                        "L2", new ApnopLine("L2", "Transferencia", "TRANSFER", Rational.of(100))));
        BudgetResult result = BudgetRules.compute(input);

        assertThat(result.total()).isEqualTo(Rational.of(1_000));
        assertThat(result.reconcilesWithCost()).isTrue();
        assertThat(result.apnopTotal()).isEqualTo(Rational.parse("1334.5"));
        assertThat(result.budgetTotal()).isEqualTo(Rational.parse("2334.5"));
        assertThat(result.apnop()).containsOnlyKeys("L1", "L2");
    }
}
