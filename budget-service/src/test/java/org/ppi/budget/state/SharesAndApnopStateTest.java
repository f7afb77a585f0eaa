package org.ppi.budget.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.figures.YearFigures;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineCorrected;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ApnopLineRemoved;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.contracts.valuechain.ProgramShareWithdrawn;

/** The worked example (classic) fed with shares, a common and a central activity and APNOP lines, event by event. */
class SharesAndApnopStateTest {
    private static final int YEAR = 2026;
    private static final String I = WorkedExample.INSTITUTION;
    private static final String U = WorkedExample.USER;

    private static YearFigures figures(PpiEvent... more) {
        List<PpiEvent> events = new ArrayList<>(WorkedExample.all(CostingMethod.CLASSIC));
        events.addAll(List.of(more));
        BudgetState state = new BudgetState(I);
        WorkedExample.envelopes(events).forEach(state::apply);
        return BudgetFigures.year(state, YEAR, true);
    }

    private static final ActivityDefined PR2_ALSO_DELIVERS_P1 =
            new ActivityDefined(I, U, "PR2", "A9", "Quejas en derechos humanos", ActivityKind.COMMON, "P1");

    @Test
    void aCommonActivityMakesASecondProgramDeliverTheProductAndARecordedShareDividesIt() {
        YearFigures equal = figures(PR2_ALSO_DELIVERS_P1);
        assertThat(equal.programs().get("PR1").view().budget()).isEqualByComparingTo("1407500");
        assertThat(equal.programs().get("PR2").view().budget()).isEqualByComparingTo("1915500");

        YearFigures shared = figures(PR2_ALSO_DELIVERS_P1,
                new ProgramShareSet(I, U, "PR2", "P1", YEAR, new BigDecimal("0.2")));
        assertThat(shared.programs().get("PR1").view().budget()).isEqualByComparingTo("2252000");
        assertThat(shared.programs().get("PR2").view().budget()).isEqualByComparingTo("1071000");
        assertThat(shared.summary().total()).isEqualByComparingTo("4180000");
        assertThat(shared.summary().reconciles()).isTrue();
        assertThat(shared.programs().get("PR2").lineage().events()).contains("ev-" + (WorkedExample.all(CostingMethod.CLASSIC).size() + 2));

        YearFigures withdrawn = figures(PR2_ALSO_DELIVERS_P1,
                new ProgramShareSet(I, U, "PR2", "P1", YEAR, new BigDecimal("0.2")),
                new ProgramShareWithdrawn(I, U, "PR2", "P1", YEAR));
        assertThat(withdrawn.programs().get("PR1").view().budget()).isEqualByComparingTo("1407500");
    }

    @Test
    void aPlanForTheWholeVolumeLeavesNothingToTheOtherProgram() {
        YearFigures planned = figures(PR2_ALSO_DELIVERS_P1, WorkedExample.plan(I, "PR1", "P1", YEAR, 1_200));
        assertThat(planned.programs().get("PR1").view().budget()).isEqualByComparingTo("2815000");
        assertThat(planned.programs().get("PR2").view().budget()).isEqualByComparingTo("508000");
        assertThat(planned.summary().programsTotal()).isEqualByComparingTo("3323000");
        assertThat(planned.summary().reconciles()).isTrue();
    }

    @Test
    void aCentralActivitysTerminalProductFeedsCentralActionsOnce() {
        YearFigures central = figures(new ActivityDefined(I, U, "PR2", "A8", "Informe institucional", ActivityKind.CENTRAL, "P2"));
        assertThat(central.programs().get("PR2").view().budget()).isEqualByComparingTo("0");
        assertThat(central.programs().get("PR2").view().centralProducts()).containsExactly("P2");
        assertThat(central.summary().centralActions()).isEqualByComparingTo("678000");
        assertThat(central.summary().centralProducts()).extracting(SummaryView.CentralProductView::productId)
                .containsExactly("P2");
        assertThat(central.summary().total()).isEqualByComparingTo("4180000");
        assertThat(central.summary().reconciles()).isTrue();
    }

    @Test
    void apnopLinesAreShownApartRecordedCorrectedAndRemoved() {
        ApnopLineRecorded pensions = new ApnopLineRecorded(I, U, "L1", YEAR, "Pensiones", ApnopKind.PENSION,
                new BigDecimal("250000.50"));
        ApnopLineRecorded debt = new ApnopLineRecorded(I, U, "L2", YEAR, "Deuda", ApnopKind.DEBT, new BigDecimal("1000"));
        YearFigures recorded = figures(pensions, debt);
        assertThat(recorded.summary().total()).isEqualByComparingTo("4180000");
        assertThat(recorded.summary().reconciles()).isTrue();
        assertThat(recorded.summary().apnopTotal()).isEqualByComparingTo("251000.50");
        assertThat(recorded.summary().budgetTotal()).isEqualByComparingTo("4431000.50");
        assertThat(recorded.summary().apnop()).extracting(SummaryView.ApnopView::name).containsExactly("Pensiones", "Deuda");
        assertThat(recorded.summary().lines()).filteredOn(l -> l.line().equals(SummaryView.APNOP))
                .singleElement().satisfies(l -> assertThat(l.amount()).isEqualByComparingTo("251000.50"));

        YearFigures corrected = figures(pensions, debt,
                new ApnopLineCorrected(I, U, "L1", YEAR, "Pensiones", ApnopKind.PENSION, new BigDecimal("200000"), "error"),
                new ApnopLineRemoved(I, U, "L2", "duplicada"));
        assertThat(corrected.summary().apnopTotal()).isEqualByComparingTo("200000");
        assertThat(corrected.summary().budgetTotal()).isEqualByComparingTo("4380000");

        YearFigures otherYear = figures(new ApnopLineRecorded(I, U, "L3", YEAR + 1, "Transferencia", ApnopKind.TRANSFER,
                BigDecimal.TEN));
        assertThat(otherYear.summary().apnopTotal()).isEqualByComparingTo("0");
    }
}
