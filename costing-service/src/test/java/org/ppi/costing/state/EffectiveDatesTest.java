package org.ppi.costing.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;


import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * Two clocks: a salary change counts for the part of the fiscal year in which it is in effect, whenever it was
 * recorded; the recording time only decides what the platform said at a moment (as-of) and breaks ties.
 */
class EffectiveDatesTest {
    private static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");

    @Test
    void aRaiseFromTheFirstOfJulyCountsForTheSecondHalfOfTheFiscalYear() {
        InstitutionState state = base(2026);
        apply(state, new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("1000000"), LocalDate.of(2026, 7, 1), "ascenso"), "s1", T0.plusSeconds(60));
        // 181 days at 900,000 and 184 days at 1,000,000, over 365
        assertThat(cost(state).toCents()).isEqualByComparingTo("950410.96");
    }

    @Test
    void changesEffectiveOutsideTheFiscalYearApplyWholeOrNotAtAll() {
        InstitutionState state = base(2026);
        apply(state, new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("950000"), LocalDate.of(2025, 10, 1), null), "s1", T0.plusSeconds(60));
        apply(state, new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("2000000"), LocalDate.of(2027, 1, 1), null), "s2", T0.plusSeconds(120));
        assertThat(cost(state).toCents()).isEqualByComparingTo("950000.00");
    }

    @Test
    void aCorrectionRecordedLaterForTheSameDateWinsWhateverTheArrivalOrder() {
        EmployeeSalaryChanged first = new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("1000000"), LocalDate.of(2026, 7, 1), null);
        EmployeeSalaryChanged correction = new EmployeeSalaryChanged("i", "u", "beto", new BigDecimal("1100000"), LocalDate.of(2026, 7, 1), "error de digitación");
        InstitutionState inOrder = base(2026);
        apply(inOrder, first, "s1", T0.plusSeconds(60));
        apply(inOrder, correction, "s2", T0.plusSeconds(120));
        InstitutionState reversed = base(2026);
        apply(reversed, correction, "s2", T0.plusSeconds(120));
        apply(reversed, first, "s1", T0.plusSeconds(60));
        // 181 days at 900,000 and 184 at 1,100,000
        assertThat(cost(inOrder)).isEqualTo(cost(reversed));
        assertThat(cost(inOrder).toCents()).isEqualByComparingTo("1000821.92");
    }

    @Test
    void aHiringDateCountsTheDaysFromThatDayAndARegistrationWithoutDateTheWholeYear() {
        InstitutionState state = base(2026);
        apply(state, new EmployeeRegistered("i", "u", "ana", "c1", "Ana", null, new BigDecimal("730000"), BigDecimal.valueOf(40),
                LocalDate.of(2026, 7, 1)), "h1", T0.plusSeconds(60));
        apply(state, new EmployeeRegistered("i", "u", "eva", "c1", "Eva", null, new BigDecimal("730000"), BigDecimal.valueOf(40),
                null), "h2", T0.plusSeconds(61));
        // 184 of 365 days
        assertThat(state.toInput().employees().get("ana").annualCost().toCents()).isEqualByComparingTo("368000.00");
        assertThat(state.toInput().employees().get("eva").annualCost().toCents()).isEqualByComparingTo("730000.00");
        assertThat(state.toInput(new FiscalYear(2025), Basis.ALL).employees()).doesNotContainKey("ana").containsKey("eva");
    }

    @Test
    void aDepartureCountsThroughItsLastDayAndADepartureRecordedAgainCorrectsIt() {
        InstitutionState state = base(2026);
        apply(state, new EmployeeLeft("i", "u", "beto", LocalDate.of(2026, 9, 30), "renuncia"), "l1", T0.plusSeconds(60));
        // 273 of 365 days at 900,000
        assertThat(cost(state).toCents()).isEqualByComparingTo("673150.68");
        apply(state, new EmployeeLeft("i", "u", "beto", LocalDate.of(2026, 6, 30), "fecha corregida"), "l2", T0.plusSeconds(120));
        assertThat(cost(state).toCents()).isEqualByComparingTo("446301.37");
        assertThat(state.toInput(new FiscalYear(2027), Basis.ALL).employees()).isEmpty();
    }

    /** Fiscal year 2026 of an institution whose year begins in July: 1 July 2026 to 30 June 2027. */
    @Test
    void theFiscalYearsStartMonthDecidesWhichDaysCount() {
        InstitutionState state = new InstitutionState("i");
        apply(state, new InstitutionRegistered("i", "u", "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40),
                CostingMethod.INDIVIDUAL, 7), "e1", T0);
        apply(state, new CenterRegistered("i", "u", "c1", "Atención", null, CenterArea.SUBSTANTIVE, null, null, null, null), "e2", T0);
        apply(state, new EmployeeRegistered("i", "u", "beto", "c1", "Beto", null, new BigDecimal("730000"), BigDecimal.valueOf(40),
                null), "e3", T0);
        apply(state, new EmployeeLeft("i", "u", "beto", LocalDate.of(2026, 9, 30), "renuncia"), "l1", T0.plusSeconds(60));
        assertThat(state.currentYear().start()).isEqualTo(LocalDate.of(2026, 7, 1));
        // 1 July – 30 September: 92 of the 365 days of the fiscal year
        assertThat(cost(state).toCents()).isEqualByComparingTo("184000.00");
        // fiscal year 2025 (1 July 2025 – 30 June 2026) is a whole year of his
        assertThat(state.toInput(state.year(2025), Basis.ALL).employees().get("beto").annualCost().toCents())
                .isEqualByComparingTo("730000.00");
    }

    @Test
    void aClosedCenterCarriesNoNonLabourAfterItsLastDay() {
        InstitutionState state = base(2026);
        apply(state, new CenterNonLabourCostRecorded("i", "u", "c1", new BigDecimal("365000"), null), "n1", T0.plusSeconds(60));
        apply(state, new CenterClosed("i", "u", "c1", LocalDate.of(2026, 1, 31), "fusión"), "x1", T0.plusSeconds(120));
        assertThat(state.toInput().centers().get("c1").nonLabour().toCents()).isEqualByComparingTo("31000.00");
        assertThat(state.toInput(new FiscalYear(2027), Basis.ALL).centers().get("c1").nonLabour().isZero()).isTrue();
        assertThat(state.toInput(new FiscalYear(2025), Basis.ALL).centers().get("c1").nonLabour().toCents()).isEqualByComparingTo("365000.00");
    }

    @Test
    void validatedFiguresUseOnlyValidatedInterviewsAndTheirCorrections() {
        InstitutionState state = base(2026);
        apply(state, new InterviewOpened("i", "u", "i1", "c1", null, null, null), "o1", T0.plusSeconds(10));
        apply(state, new TimeAllocated("i", "u", "i1", "c1", "beto", "p1", BigDecimal.TEN), "t1", T0.plusSeconds(20));
        apply(state, new ProductRegistered("i", "u", "p1", "c1", "P1", ProductType.TERMINAL, true, BigDecimal.ONE, "u",
                new ProductFeatures(null, java.util.Set.of(), null, null, java.util.List.of(), null, null)), "p1", T0.plusSeconds(5));
        assertThat(state.toInput(state.currentYear(), Basis.VALIDATED).allocations()).isEmpty();
        assertThat(state.provisionalProduct("p1")).isTrue();
        apply(state, new InterviewValidated("i", "u", "i1", "c1", LocalDate.of(2026, 3, 1)), "v1", T0.plusSeconds(30));
        assertThat(state.provisionalProduct("p1")).isFalse();
        apply(state, new AllocationCorrected("i", "u", "i1", "c1", "beto", "p1", BigDecimal.valueOf(12), "digitación"), "c1", T0.plusSeconds(40));
        apply(state, new InterviewOpened("i", "u", "i2", "c1", null, null, null), "o2", T0.plusSeconds(50));
        apply(state, new TimeAllocated("i", "u", "i2", "c1", "beto", "p1", BigDecimal.valueOf(30)), "t2", T0.plusSeconds(60));
        assertThat(state.toInput(state.currentYear(), Basis.VALIDATED).allocations().get(0).hours()).isEqualTo(org.ppi.contracts.money.Rational.of(12));
        assertThat(state.toInput().allocations().get(0).hours()).isEqualTo(org.ppi.contracts.money.Rational.of(30));
        assertThat(state.provisionalProduct("p1")).isTrue();
        assertThat(state.productLineage("p1")).contains("v1", "c1", "t2");
    }

    private static org.ppi.contracts.money.Rational cost(InstitutionState state) {
        return state.toInput().employees().get("beto").annualCost();
    }

    private static InstitutionState base(int fiscalYear) {
        InstitutionState state = new InstitutionState("i");
        apply(state, new InstitutionRegistered("i", "u", "Defensoría", "DO", "DOP", fiscalYear, BigDecimal.valueOf(40), CostingMethod.INDIVIDUAL), "e1", T0);
        apply(state, new CenterRegistered("i", "u", "c1", "Atención", null, CenterArea.SUBSTANTIVE, null, null, null, null), "e2", T0);
        apply(state, new EmployeeRegistered("i", "u", "beto", "c1", "Beto", null, new BigDecimal("900000"), BigDecimal.valueOf(40),
                LocalDate.of(2026, 1, 1)), "e3", T0);
        return state;
    }

    private static void apply(InstitutionState state, Object payload, String id, Instant at) {
        state.apply(new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), "t", null, at, "i", "u", null, null, null,
                null, payload, new byte[0]));
    }

}
