package org.ppi.costing.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.costing.state.Change;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * The projection's incremental recalculation is checked against a full computation after every event, on
 * DOMAIN.md's worked example, and the fold gives the same figures whatever the order across aggregates.
 */
class RecalculatorTest {
    private final Recalculator recalculator = new Recalculator();

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void incrementalFiguresEqualAFullComputationAfterEveryEvent(CostingMethod method) {
        InstitutionState state = new InstitutionState(WorkedExampleEvents.INSTITUTION);
        CostFigures figures = null;
        List<EventEnvelope> events = new ArrayList<>(WorkedExampleEvents.of(method));
        Instant later = Instant.parse("2026-06-01T00:00:00Z");
        events.add(WorkedExampleEvents.envelope(new TimeAllocated("demo", "u", "I-Ana", null, "Ana", "P1", BigDecimal.valueOf(20)), "ev-a", later));
        events.add(WorkedExampleEvents.envelope(new EmployeeSalaryChanged("demo", "u", "Beto", new BigDecimal("950000"), null, null), "ev-b", later.plusSeconds(1)));
        events.add(WorkedExampleEvents.envelope(new CostingMethodChosen("demo", "u",
                method == CostingMethod.CLASSIC ? CostingMethod.INDIVIDUAL : CostingMethod.CLASSIC), "ev-c", later.plusSeconds(2)));
        events.add(WorkedExampleEvents.envelope(new TimeAllocated("demo", "u", "I-Carla", null, "Carla", "P2", BigDecimal.ZERO), "ev-d", later.plusSeconds(3)));
        for (EventEnvelope event : events) {
            Change change = state.apply(event);
            figures = recalculator.recalculate(state, change, figures).figures();
            CostFigures full = recalculator.full(state.toInput());
            assertThat(figures.products()).as("products after %s", event.name()).isEqualTo(full.products());
            assertThat(figures.employees()).as("employees after %s", event.name()).isEqualTo(full.employees());
            assertThat(figures.centers()).as("centers after %s", event.name()).isEqualTo(full.centers());
            assertThat(figures.totals()).as("totals after %s", event.name()).isEqualTo(full.totals());
            assertThat(figures.totals().reconciles()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void reproducesTheWorkedExampleAndIsIndependentOfArrivalOrderAcrossAggregates(CostingMethod method) {
        List<EventEnvelope> events = WorkedExampleEvents.of(method);
        CostFigures inOrder = fold(events);
        List<EventEnvelope> shuffled = new ArrayList<>(events.subList(1, events.size()));
        Collections.shuffle(shuffled, new Random(7));
        shuffled.add(0, events.get(0));
        CostFigures outOfOrder = fold(shuffled);

        assertThat(outOfOrder.products()).isEqualTo(inOrder.products());
        assertThat(outOfOrder.totals()).isEqualTo(inOrder.totals());
        BigDecimal p1Direct = inOrder.products().get("P1").direct().toCents();
        BigDecimal p1Full = inOrder.products().get("P1").fullCost().toCents();
        if (method == CostingMethod.CLASSIC) {
            assertThat(p1Direct).isEqualByComparingTo("1880000.00");
            assertThat(p1Full).isEqualByComparingTo("2815000.00");
        } else {
            assertThat(p1Direct).isEqualByComparingTo("2196000.00");
            assertThat(p1Full).isEqualByComparingTo("3157250.00");
        }
        assertThat(inOrder.products().get("P5").unitCost()).isNull();
        assertThat(inOrder.totals().totalCost().toCents()).isEqualByComparingTo("4180000.00");
    }

    @org.junit.jupiter.api.Test
    void aRenameRewritesTheFiguresThatShowTheNameWithoutChangingAValue() {
        InstitutionState state = new InstitutionState(WorkedExampleEvents.INSTITUTION);
        CostFigures figures = null;
        for (EventEnvelope event : WorkedExampleEvents.of(CostingMethod.CLASSIC)) {
            figures = recalculator.recalculate(state, state.apply(event), figures).figures();
        }
        EventEnvelope rename = WorkedExampleEvents.envelope(new org.ppi.contracts.catalog.ProductRenamed("demo", "u", "P3",
                "Gestión de nómina y beneficios"), "ev-r", Instant.parse("2026-06-01T00:00:00Z"));
        Recalculation recalculation = recalculator.recalculate(state, state.apply(rename), figures);

        assertThat(recalculation.changedProducts()).contains("P3", "P1", "P2");
        assertThat(recalculation.changedEmployees()).containsExactly("Diego");
        assertThat(recalculation.figures().products()).isEqualTo(figures.products());
        assertThat(Views.product(state, recalculation.figures().products().get("P1"), "ev-r", null).inflows())
                .extracting(ProductCostView.InflowView::productName).contains("Gestión de nómina y beneficios");
    }

    private CostFigures fold(List<EventEnvelope> events) {
        InstitutionState state = new InstitutionState(WorkedExampleEvents.INSTITUTION);
        CostFigures figures = null;
        for (EventEnvelope event : events) {
            figures = recalculator.recalculate(state, state.apply(event), figures).figures();
        }
        return figures;
    }

    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void aNewMethodRewritesEveryFigureEvenOneWhoseValueStays(CostingMethod method) {
        InstitutionState state = new InstitutionState(WorkedExampleEvents.INSTITUTION);
        CostFigures figures = null;
        for (EventEnvelope event : WorkedExampleEvents.of(method)) {
            figures = recalculator.recalculate(state, state.apply(event), figures).figures();
        }
        CostFigures before = figures;
        java.util.Map<String, org.ppi.costing.rules.ProductCost> productsBefore = new java.util.TreeMap<>(before.products());
        CostingMethod other = method == CostingMethod.CLASSIC ? CostingMethod.INDIVIDUAL : CostingMethod.CLASSIC;
        EventEnvelope choice = WorkedExampleEvents.envelope(new CostingMethodChosen("demo", "u", other), "ev-m",
                Instant.parse("2026-06-01T00:00:00Z"));
        Recalculation recalculation = recalculator.recalculate(state, state.apply(choice), figures);
        assertThat(recalculation.changedProducts()).as("every product shows the method").containsAll(productsBefore.keySet());
        assertThat(recalculation.changedEmployees()).containsAll(recalculation.figures().employees().keySet());
        assertThat(recalculation.changedCenters()).containsAll(recalculation.figures().centers().keySet());
        assertThat(recalculation.totalsChanged()).isTrue();
    }
}
