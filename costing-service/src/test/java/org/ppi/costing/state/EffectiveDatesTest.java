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
import org.ppi.contracts.survey.EmployeeRegistered;
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
