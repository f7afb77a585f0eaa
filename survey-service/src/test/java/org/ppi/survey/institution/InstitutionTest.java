package org.ppi.survey.institution;

import static org.ppi.survey.testing.Rejected.assertRejected;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.contracts.survey.ScopeRenamed;
import org.ppi.survey.institution.InstitutionCommands.ChooseCostingMethod;
import org.ppi.survey.institution.InstitutionCommands.DefineScope;
import org.ppi.survey.institution.InstitutionCommands.RegisterInstitution;
import org.ppi.survey.institution.InstitutionCommands.RenameScope;
import org.ppi.survey.institution.InstitutionCommands.ReviseInstitutionDetails;

class InstitutionTest {
    private static final String INST = "inst-a";
    private static final String USER = "ana";
    private static final BigDecimal FORTY = new BigDecimal("40");
    private static final InstitutionRegistered REGISTERED = new InstitutionRegistered(INST, USER, "Defensor del Pueblo",
            "DO", "DOP", 2026, FORTY, CostingMethod.CLASSIC);
    private static final ScopeDefined SCOPE = new ScopeDefined(INST, USER, "s1", "Ámbito jerárquico superior");

    private AggregateTestFixture<Institution> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Institution.class);
    }

    private static RegisterInstitution register(String currency, BigDecimal hours, int fiscalYear) {
        return new RegisterInstitution(INST, USER, "Defensor del Pueblo", "DO", currency, fiscalYear, hours, null);
    }

    private static ReviseInstitutionDetails revise(String name, String currency, int fiscalYear, BigDecimal hours) {
        return new ReviseInstitutionDetails(INST, USER, name, "DO", currency, fiscalYear, hours);
    }

    @Test
    void registersWithFortyHoursAndTheClassicMethodByDefault() {
        fixture.givenNoPriorActivity().when(register("DOP", null, 2026)).expectEvents(REGISTERED);
    }

    @Test
    void rejectsABadCurrency() {
        assertRejected(fixture.givenNoPriorActivity().when(register("pesos", null, 2026)), 400, "institution.currency");
    }

    @Test
    void rejectsWeeklyHoursOutsideOneWeek() {
        assertRejected(fixture.givenNoPriorActivity().when(register("DOP", BigDecimal.ZERO, 2026)), 400,
                "institution.weekly-hours");
        assertRejected(fixture.givenNoPriorActivity().when(register("DOP", new BigDecimal("168.5"), 2026)), 400,
                "institution.weekly-hours");
    }

    @Test
    void rejectsAnImplausibleFiscalYear() {
        assertRejected(fixture.givenNoPriorActivity().when(register("DOP", FORTY, 26)), 400, "institution.fiscal-year");
    }

    /** Fiscal year N may begin in any month of calendar year N; the month is kept until revised. */
    @Test
    void recordsTheFiscalYearsStartMonthAndRefusesAnImpossibleOne() {
        fixture.givenNoPriorActivity().when(new RegisterInstitution(INST, USER, "Defensoría", "DO", "DOP", 2026, null, null, 7))
                .expectEvents(new InstitutionRegistered(INST, USER, "Defensoría", "DO", "DOP", 2026, FORTY, CostingMethod.CLASSIC, 7));
        assertRejected(fixture.givenNoPriorActivity().when(new RegisterInstitution(INST, USER, "Defensoría", "DO", "DOP", 2026,
                null, null, 13)), 400, "institution.fiscal-year-start-month");
        InstitutionRegistered july = new InstitutionRegistered(INST, USER, "Defensoría", "DO", "DOP", 2026, FORTY, CostingMethod.CLASSIC, 7);
        fixture.given(july).when(new ReviseInstitutionDetails(INST, USER, "Defensoría", "DO", "DOP", 2027, null))
                .expectEvents(new InstitutionDetailsRevised(INST, USER, "Defensoría", "DO", "DOP", 2027, FORTY, 7));
        fixture.given(july).when(new ReviseInstitutionDetails(INST, USER, "Defensoría", "DO", "DOP", 2026, null, 7))
                .expectNoEvents();
    }

    @Test
    void revisesDetails() {
        fixture.given(REGISTERED).when(revise("Defensor del Pueblo RD", "USD", 2027, new BigDecimal("37.5")))
                .expectEvents(new InstitutionDetailsRevised(INST, USER, "Defensor del Pueblo RD", "DO", "USD", 2027,
                        new BigDecimal("37.5")));
    }

    @Test
    void revisionWithoutWeeklyHoursKeepsTheCurrentOnes() {
        fixture.given(REGISTERED).when(revise("Defensoría", "DOP", 2026, null))
                .expectEvents(new InstitutionDetailsRevised(INST, USER, "Defensoría", "DO", "DOP", 2026, FORTY));
    }

    @Test
    void anIdenticalRevisionWritesNothing() {
        fixture.given(REGISTERED).when(revise("Defensor del Pueblo", "DOP", 2026, new BigDecimal("40.00")))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void revisionRejectsBadCurrencyHoursAndName() {
        assertRejected(fixture.given(REGISTERED).when(revise("X", "usd", 2026, null)), 400, "institution.currency");
        assertRejected(fixture.given(REGISTERED).when(revise("X", "USD", 2026, new BigDecimal("-1"))), 400,
                "institution.weekly-hours");
        assertRejected(fixture.given(REGISTERED).when(revise(" ", "USD", 2026, null)), 400, "request.missing-parameter");
    }

    @Test
    void choosesAnotherCostingMethodOnlyWhenItChanges() {
        fixture.given(REGISTERED).when(new ChooseCostingMethod(INST, USER, CostingMethod.INDIVIDUAL))
                .expectEvents(new CostingMethodChosen(INST, USER, CostingMethod.INDIVIDUAL));
        fixture.given(REGISTERED).when(new ChooseCostingMethod(INST, USER, CostingMethod.CLASSIC)).expectNoEvents();
    }

    @Test
    void definesScopes() {
        fixture.given(REGISTERED).when(new DefineScope(INST, USER, "s1", "Ámbito jerárquico superior")).expectEvents(SCOPE);
    }

    @Test
    void rejectsADuplicateScopeIdOrName() {
        assertRejected(fixture.given(REGISTERED, SCOPE).when(new DefineScope(INST, USER, "s1", "Otro")), 409,
                "entity.already-exists");
        assertRejected(fixture.given(REGISTERED, SCOPE).when(new DefineScope(INST, USER, "s2", "ámbito JERÁRQUICO superior")),
                409, "scope.name-taken");
        assertRejected(fixture.given(REGISTERED).when(new DefineScope(INST, USER, "s2", "")), 400,
                "request.missing-parameter");
    }

    @Test
    void renamesAScope() {
        fixture.given(REGISTERED, SCOPE).when(new RenameScope(INST, USER, "s1", "Ámbito directivo"))
                .expectEvents(new ScopeRenamed(INST, USER, "s1", "Ámbito directivo"));
        fixture.given(REGISTERED, SCOPE).when(new RenameScope(INST, USER, "s1", "Ámbito jerárquico superior"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void rejectsRenamingAnUnknownScopeOrToATakenName() {
        assertRejected(fixture.given(REGISTERED, SCOPE).when(new RenameScope(INST, USER, "nope", "X")), 404,
                "scope.not-found");
        assertRejected(fixture.given(REGISTERED, SCOPE, new ScopeDefined(INST, USER, "s2", "Ámbito de apoyo"))
                .when(new RenameScope(INST, USER, "s2", "Ámbito jerárquico superior")), 409, "scope.name-taken");
        assertRejected(fixture.given(REGISTERED, SCOPE).when(new RenameScope(INST, USER, "s1", " ")), 400,
                "request.missing-parameter");
    }
}
