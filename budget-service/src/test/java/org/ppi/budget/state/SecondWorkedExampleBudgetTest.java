package org.ppi.budget.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.YearFigures;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ValueChainDefined;

/**
 * The budget lines of DOMAIN.md's second worked example: P1 delivered by PR1 (its chain, planning 900 of the 1,200
 * measured) and by PR3 (a common activity: it takes what PR1's plan leaves), P2 by PR2, an APNOP line of pensions.
 * The costing figures are the exact fractions {@code docs/worked_example_2.py} prints, as costing publishes them;
 * the expected lines are what the script computes from them.
 */
class SecondWorkedExampleBudgetTest {
    private static final String I = WorkedExample.INSTITUTION;
    private static final String U = WorkedExample.USER;
    private static final int YEAR = 2026;

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void programsCentralActionsUnusedAndApnopLineByLine(CostingMethod method) {
        boolean classic = method == CostingMethod.CLASSIC;
        YearFigures f = figures(method);
        assertThat(f.programs().get("PR1").view().budget()).isEqualByComparingTo(classic ? "1580483.99" : "1923823.60");
        assertThat(f.programs().get("PR3").view().budget()).isEqualByComparingTo(classic ? "526828.00" : "641274.53");
        assertThat(f.programs().get("PR2").view().budget()).isEqualByComparingTo(classic ? "428505.68" : "639513.33");
        assertThat(f.summary().centralActions()).isEqualByComparingTo(classic ? "140125.99" : "98474.90");
        assertThat(f.summary().unusedCapacity()).isEqualByComparingTo(classic ? "925974.15" : "298831.44");
        assertThat(f.summary().unassignedTerminals()).isEqualByComparingTo("0");
        assertThat(f.summary().total()).isEqualByComparingTo("3601917.81");
        assertThat(f.summary().reconciles()).isTrue();
        assertThat(f.summary().apnopTotal()).isEqualByComparingTo("250000");
        assertThat(f.summary().budgetTotal()).isEqualByComparingTo("3851917.81");
    }

    /** The budget rests on costing's figures: provisional while the institution's cost is (interviews not validated). */
    @org.junit.jupiter.api.Test
    void theBudgetIsProvisionalWhileTheInstitutionsCostIs() {
        assertThat(figures(CostingMethod.CLASSIC).summary().provisional()).isFalse();
        YearFigures provisional = figures(CostingMethod.CLASSIC, true);
        assertThat(provisional.summary().provisional()).isTrue();
        assertThat(provisional.programs().get("PR1").view().provisional()).isTrue();
        assertThat(provisional.summary().total()).isEqualByComparingTo("3601917.81");
    }

    private static YearFigures figures(CostingMethod method) {
        return figures(method, null);
    }

    private static YearFigures figures(CostingMethod method, Boolean provisional) {
        boolean classic = method == CostingMethod.CLASSIC;
        List<PpiEvent> events = new ArrayList<>(List.of(
                new ValueChainDefined(I, U, "VC1", "Quejas ciudadanas", null, "P1"),
                new ValueChainDefined(I, U, "VC2", "Informe de derechos humanos", null, "P2"),
                new ProgramDefined(I, U, "PR1", "01", "Atención ciudadana", "Quejas atendidas a tiempo"),
                new ProgramDefined(I, U, "PR2", "02", "Derechos humanos", "Derechos vigilados"),
                new ProgramDefined(I, U, "PR3", "03", "Defensa en el territorio", "Quejas atendidas en provincias"),
                new ActivityDefined(I, U, "PR3", "A9", "Quejas en provincias", ActivityKind.COMMON, "P1"),
                new ChainAssignedToProgram(I, U, "PR1", "VC1"),
                new ChainAssignedToProgram(I, U, "PR2", "VC2"),
                WorkedExample.plan(I, "PR1", "P1", YEAR, 900),
                new ApnopLineRecorded(I, U, "L1", YEAR, "Pensiones", ApnopKind.PENSION, new BigDecimal("250000"))));
        events.add(product(method, "P1", ProductType.TERMINAL, classic ? "57598595982500/27332733" : "5053748656750/1970197", 1200, true));
        events.add(product(method, "P2", ProductType.TERMINAL, classic ? "3904077112500/9110911" : "1259967246250/1970197", 1, true));
        events.add(product(method, "P3", ProductType.INTERMEDIATE, classic ? "5636400000/10001" : "6469505000/10001", 12, true));
        events.add(product(method, "P4", ProductType.INTERMEDIATE, classic ? "24750880000/30003" : "8006414000/10001", 40, true));
        events.add(product(method, "P5", ProductType.INTERMEDIATE, classic ? "1401400000/10001" : "984847500/10001", 0, false));
        Rational central = Rational.parse(classic ? "1401400000/10001" : "984847500/10001");
        Rational unused = Rational.parse(classic ? "25309404220000/27332733" : "588756799500/1970197");
        Rational terminals = Rational.parse(classic ? "57598595982500/27332733" : "5053748656750/1970197")
                .plus(Rational.parse(classic ? "3904077112500/9110911" : "1259967246250/1970197"));
        events.add(new InstitutionCostRecalculated(I, U, method, amount(terminals.plus(central).plus(unused)), amount(terminals),
                amount(central), amount(unused), amount(Rational.ZERO), true, null, "cause-institution", 1, LineageRef.institution(),
                provisional));
        BudgetState state = new BudgetState(I);
        WorkedExample.envelopes(events).forEach(state::apply);
        return BudgetFigures.year(state, YEAR, true);
    }

    private static ProductCostRecalculated product(CostingMethod method, String id, ProductType type, String fullCost,
                                                   long volume, boolean attributed) {
        Amount full = amount(Rational.parse(fullCost));
        return new ProductCostRecalculated(I, U, id, "C", method, type, false, true, null, null, full,
                BigDecimal.valueOf(volume), null, full, null, attributed, null, "cause-" + id, 1, LineageRef.product(id));
    }

    private static Amount amount(Rational exact) {
        return new Amount(exact.toCents(), exact.toString());
    }
}
