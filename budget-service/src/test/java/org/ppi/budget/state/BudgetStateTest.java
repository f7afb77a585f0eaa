package org.ppi.budget.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.figures.YearFigures;
import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.rules.BudgetRules;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.budget.rules.ProductContribution;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * The fold from costing and value-chain events into the rules' input, on DOMAIN.md's worked example: the
 * budget of both methods to the cent, its reconciliation with costing's total, a planned volume, lineage
 * down to the survey ids, and the same figures whatever the order of arrival across aggregates.
 */
class BudgetStateTest {
    private static final int YEAR = 2026;

    private static BudgetState fold(List<EventEnvelope> events) {
        BudgetState state = new BudgetState(WorkedExample.INSTITUTION);
        events.forEach(state::apply);
        return state;
    }

    private static BudgetState fold(CostingMethod method, PpiEvent... more) {
        List<PpiEvent> events = new ArrayList<>(WorkedExample.all(method));
        events.addAll(List.of(more));
        return fold(WorkedExample.envelopes(events));
    }

    @Test
    void classicWorkedExampleBudgetsProgramsAndCentralActionsAndReconcilesWithTotalCost() {
        BudgetState state = fold(CostingMethod.CLASSIC);
        BudgetResult result = BudgetRules.compute(state.toInput(YEAR));

        assertThat(result.program("PR1").budget().toCents()).isEqualByComparingTo("2815000");
        assertThat(result.program("PR2").budget().toCents()).isEqualByComparingTo("508000");
        assertThat(result.centralActions().toCents()).isEqualByComparingTo("170000");
        assertThat(result.unassignedTerminals().toCents()).isEqualByComparingTo("0");
        assertThat(result.unusedCapacity().toCents()).isEqualByComparingTo("687000");
        assertThat(result.total().toCents()).isEqualByComparingTo("4180000");

        SummaryView summary = BudgetFigures.year(state, YEAR, true).summary();
        assertThat(summary.costingTotalCost()).isEqualByComparingTo("4180000");
        assertThat(summary.reconciles()).isTrue();
        assertThat(summary.difference()).isEqualByComparingTo("0");
        assertThat(summary.roundingResidue()).isEqualByComparingTo("0");
        assertThat(summary.lines()).extracting(SummaryView.Line::line).containsExactly(SummaryView.PROGRAMS,
                SummaryView.CENTRAL_ACTIONS, SummaryView.UNASSIGNED_TERMINALS, SummaryView.UNUSED_CAPACITY, SummaryView.TOTAL,
                SummaryView.PLANNED_BEYOND, SummaryView.APNOP, SummaryView.BUDGET_TOTAL);
        assertThat(summary.budgetTotal()).isEqualByComparingTo("4180000");
        assertThat(summary.programsTotal()).isEqualByComparingTo("3323000");
    }

    @Test
    void individualWorkedExample() {
        BudgetState state = fold(CostingMethod.INDIVIDUAL);
        YearFigures figures = BudgetFigures.year(state, YEAR, true);

        assertThat(figures.programs().get("PR1").view().budget()).isEqualByComparingTo("3157250");
        assertThat(figures.programs().get("PR2").view().budget()).isEqualByComparingTo("665350");
        assertThat(figures.summary().centralActions()).isEqualByComparingTo("132500");
        assertThat(figures.summary().total()).isEqualByComparingTo("4180000");
        assertThat(figures.summary().reconciles()).isTrue();
    }

    @Test
    void aPlannedVolumeScalesItsProgramForItsYearOnly() {
        BudgetState state = fold(CostingMethod.CLASSIC, WorkedExample.plan(WorkedExample.INSTITUTION, "PR1", "P1", YEAR, 1_500));

        assertThat(state.fiscalYears()).containsExactly(YEAR);
        assertThat(state.defaultYear()).isEqualTo(YEAR);
        YearFigures planned = BudgetFigures.year(state, YEAR, true);
        ProgramBudgetView pr1 = planned.programs().get("PR1").view();
        assertThat(pr1.budget()).isEqualByComparingTo("3518750");
        assertThat(pr1.scaledByPlannedVolume()).isTrue();
        assertThat(pr1.contributions()).singleElement().satisfies(c -> {
            assertThat(c.basis()).isEqualTo(ProductContribution.Basis.PLANNED_VOLUME);
            assertThat(c.plannedVolume()).isEqualByComparingTo("1500");
            assertThat(c.volume()).isEqualByComparingTo("1200");
            assertThat(c.chainIds()).containsExactly("VC1");
        });
        assertThat(pr1.costShare()).isEqualByComparingTo("2815000");
        assertThat(pr1.plannedBeyond()).isEqualByComparingTo("703750");
        // what is planned beyond current production is shown apart: the reconciliation with cost still holds
        assertThat(planned.summary().total()).isEqualByComparingTo("4180000");
        assertThat(planned.summary().reconciles()).isTrue();
        assertThat(planned.summary().difference()).isEqualByComparingTo("0");
        assertThat(planned.summary().plannedBeyond()).isEqualByComparingTo("703750");
        assertThat(planned.summary().budgetTotal()).isEqualByComparingTo("4883750");
        assertThat(planned.summary().plannedVolumesApplied()).isTrue();

        assertThat(BudgetFigures.year(state, YEAR + 1, false).programs().get("PR1").view().budget())
                .isEqualByComparingTo("2815000");
    }

    @Test
    void theDefaultYearIsTheInstitutionsOwnFiscalYearWhateverDayItIsFolded() {
        BudgetState state = fold(CostingMethod.CLASSIC);
        assertThat(BudgetFigures.of(state).defaultYear()).as("before the institution's setting: the recording year")
                .isEqualTo(2026);

        state.apply(WorkedExample.envelope(new InstitutionRegistered(WorkedExample.INSTITUTION, "admin", "Defensoría", "DO", "DOP",
                2031, java.math.BigDecimal.valueOf(40), CostingMethod.CLASSIC), "i1", java.time.Instant.parse("2029-05-01T00:00:00Z")));
        BudgetFigures figures = BudgetFigures.of(state);
        assertThat(figures.defaultYear()).isEqualTo(2031);
        assertThat(figures.years().keySet()).containsExactly(2031);
        assertThat(figures.years().get(2031).summary().defaultYear()).isTrue();
        assertThat(figures.years().get(2031).summaryLineage().events()).contains("i1");

        state.apply(WorkedExample.envelope(new InstitutionDetailsRevised(WorkedExample.INSTITUTION, "admin", "Defensoría", "DO", "DOP",
                2032, java.math.BigDecimal.valueOf(40)), "i2", java.time.Instant.parse("2029-06-01T00:00:00Z")));
        assertThat(BudgetFigures.of(state).defaultYear()).isEqualTo(2032);
        // a plan for another year is kept beside the institution's year, which stays the default one
        state.apply(WorkedExample.envelope(WorkedExample.plan(WorkedExample.INSTITUTION, "PR1", "P1", 2035, 10), "p1",
                java.time.Instant.parse("2029-07-01T00:00:00Z")));
        assertThat(BudgetFigures.of(state).years().keySet()).containsExactly(2032, 2035);
        assertThat(BudgetFigures.of(state).defaultYear()).isEqualTo(2032);
    }

    @Test
    void aProgramCarriesTheEventsBehindItAndTheSurveyIdsCostingNamed() {
        List<EventEnvelope> events = WorkedExample.envelopes(WorkedExample.all(CostingMethod.CLASSIC));
        BudgetState state = fold(events);
        BudgetLineage lineage = state.programLineage("PR1", YEAR);

        List<String> expected = new ArrayList<>();
        for (EventEnvelope e : events) {
            boolean mine = e.subject().equals("PR1") || e.subject().equals("VC1") || e.subject().equals("P1");
            if (mine) {
                expected.add(e.id());
            }
        }
        assertThat(lineage.events()).containsExactlyInAnyOrderElementsOf(expected);
        // the costing figures it rests on, each with the costing event read, its cause and where its lineage is paged
        String p1Cost = events.stream().filter(e -> e.subject().equals("P1") && e.payload() instanceof ProductCostRecalculated)
                .reduce((first, second) -> second).orElseThrow().id();
        assertThat(lineage.costing()).containsExactly(new BudgetLineage.CostingFigure("PRODUCT", "P1", p1Cost, "cause-P1",
                "/api/costing/products/P1/lineage"));
        assertThat(state.programLineage("PR2", YEAR).costing()).extracting(BudgetLineage.CostingFigure::figureId)
                .as("another program's terminal").containsExactly("P2");
        assertThat(state.summaryLineage(YEAR).costing()).extracting(BudgetLineage.CostingFigure::figureKind,
                BudgetLineage.CostingFigure::causationEventId, BudgetLineage.CostingFigure::lineageRef)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("INSTITUTION", "cause-institution",
                        "/api/costing/institution/lineage"));
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void theSameFiguresWhateverTheOrderOfArrivalAcrossAggregates(CostingMethod method) {
        List<EventEnvelope> events = WorkedExample.envelopes(WorkedExample.all(method));
        events.add(WorkedExample.envelope(WorkedExample.plan(WorkedExample.INSTITUTION, "PR1", "P1", YEAR, 1_500), "ev-plan",
                Instant.parse("2026-04-01T00:00:00Z")));
        BudgetFigures inOrder = BudgetFigures.of(fold(events));
        for (long seed = 1; seed <= 20; seed++) {
            List<EventEnvelope> shuffled = new ArrayList<>(events);
            Collections.shuffle(shuffled, new Random(seed));
            assertThat(BudgetFigures.of(fold(shuffled))).as("seed %d", seed).isEqualTo(inOrder);
        }
        BigDecimal pr1 = inOrder.years().get(YEAR).programs().get("PR1").view().budget();
        assertThat(pr1).isEqualByComparingTo(method == CostingMethod.CLASSIC ? "3518750" : "3946562.50");
    }

    @Test
    void theLastSnapshotOfAFigureWinsAndAnInactiveOrIntermediateProductIsNotBudgeted() {
        List<PpiEvent> events = new ArrayList<>(WorkedExample.all(CostingMethod.CLASSIC));
        events.add(WorkedExample.product(WorkedExample.INSTITUTION, CostingMethod.CLASSIC, "P1", ProductType.TERMINAL,
                3_000_000, 1_200, true));
        BudgetState state = fold(WorkedExample.envelopes(events));
        assertThat(BudgetRules.compute(state.toInput(YEAR)).program("PR1").budget().toCents()).isEqualByComparingTo("3000000");

        events.add(WorkedExample.product(WorkedExample.INSTITUTION, CostingMethod.CLASSIC, "P2", ProductType.INTERMEDIATE,
                508_000, 1, true));
        BudgetResult retyped = BudgetRules.compute(fold(WorkedExample.envelopes(events)).toInput(YEAR));
        assertThat(retyped.program("PR2").missingCosts()).containsExactly("P2");
        assertThat(retyped.program("PR2").budget().toCents()).isEqualByComparingTo("0");
    }

    @Test
    void aRetiredOrUnassignedChainLeavesItsProductUnassignedSoTheTotalStillReconciles() {
        BudgetState retired = fold(CostingMethod.CLASSIC,
                new ValueChainRetired(WorkedExample.INSTITUTION, "u", "VC2", "fin del plan"));
        SummaryView summary = BudgetFigures.year(retired, YEAR, true).summary();
        assertThat(summary.unassignedTerminals()).isEqualByComparingTo("508000");
        assertThat(summary.unassigned()).extracting(SummaryView.UnassignedView::productId).containsExactly("P2");
        assertThat(summary.reconciles()).isTrue();

        BudgetState unassigned = fold(CostingMethod.CLASSIC,
                new ChainUnassignedFromProgram(WorkedExample.INSTITUTION, "u", "PR1", "VC1"));
        YearFigures figures = BudgetFigures.year(unassigned, YEAR, true);
        assertThat(figures.programs().get("PR1").view().budget()).isEqualByComparingTo("0");
        assertThat(figures.summary().unassignedTerminals()).isEqualByComparingTo("2815000");
        assertThat(figures.summary().total()).isEqualByComparingTo("4180000");
    }

    @Test
    void anEmptyHistoryIsEmptyAndAnEventOfNoConcernChangesNothing() {
        BudgetState state = new BudgetState("x");
        assertThat(state.isEmpty()).isTrue();
        assertThat(state.apply(WorkedExample.envelope(new org.ppi.contracts.valuechain.ImpactDefined("x", "u", "I1", "n", null, null),
                "ev-1", Instant.EPOCH))).isFalse();
        assertThat(state.isEmpty()).isTrue();
    }
}
