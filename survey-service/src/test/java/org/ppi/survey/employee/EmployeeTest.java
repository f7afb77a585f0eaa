package org.ppi.survey.employee;

import static org.ppi.survey.testing.Rejected.assertRejected;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.survey.employee.EmployeeCommands.ChangeContractedHours;
import org.ppi.survey.employee.EmployeeCommands.ChangeSalary;
import org.ppi.survey.employee.EmployeeCommands.RecordDeparture;
import org.ppi.survey.employee.EmployeeCommands.RegisterEmployee;
import org.ppi.survey.employee.EmployeeCommands.TransferEmployee;
import org.ppi.survey.testing.InMemoryDirectory;

class EmployeeTest {
    private static final String A = "inst-a";
    private static final String B = "inst-b";
    private static final String USER = "ana";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final BigDecimal COST = new BigDecimal("1200000.00");
    private static final EmployeeRegistered ANA = new EmployeeRegistered(A, USER, "e1", "c1", "Ana", "Analista", COST,
            new BigDecimal("40"), JAN);
    private static final EmployeeLeft ANA_LEFT = new EmployeeLeft(A, USER, "e1", JULY, "Renuncia");

    private AggregateTestFixture<Employee> fixture;

    @BeforeEach
    void setUp() {
        InMemoryDirectory directory = new InMemoryDirectory()
                .withInstitution(A, "37.5").withInstitution(B, "40")
                .withCenter(A, "c1", false, null).withCenter(A, "c2", false, null).withCenter(A, "gone", true, null)
                .withCenter(B, "cb", false, null);
        fixture = new AggregateTestFixture<>(Employee.class);
        fixture.registerInjectableResource(directory);
    }

    private static RegisterEmployee register(String center, BigDecimal cost, BigDecimal hours) {
        return new RegisterEmployee("e1", A, USER, center, "Ana", "Analista", cost, hours, JAN);
    }

    @Test
    void contractedHoursDefaultToTheInstitutionsStandardWeek() {
        fixture.givenNoPriorActivity().when(register("c1", COST, null))
                .expectEvents(new EmployeeRegistered(A, USER, "e1", "c1", "Ana", "Analista", COST, new BigDecimal("37.5"), JAN));
    }

    @Test
    void registersWithExplicitContractedHours() {
        fixture.givenNoPriorActivity().when(register("c1", COST, new BigDecimal("40"))).expectEvents(ANA);
    }

    @Test
    void registrationRejections() {
        assertRejected(fixture.givenNoPriorActivity().when(register("gone", COST, null)), 422, "center.closed");
        assertRejected(fixture.givenNoPriorActivity().when(register("cb", COST, null)), 422, "center.not-found");
        assertRejected(fixture.givenNoPriorActivity().when(register("c1", new BigDecimal("-1"), null)), 400,
                "employee.annual-cost");
        assertRejected(fixture.givenNoPriorActivity().when(register("c1", COST, BigDecimal.ZERO)), 400,
                "employee.contracted-hours");
        assertRejected(fixture.givenNoPriorActivity().when(register("c1", COST, new BigDecimal("168.01"))), 400,
                "employee.contracted-hours");
    }

    @Test
    void transfersToAnOpenCenterOfTheSameInstitution() {
        fixture.given(ANA).when(new TransferEmployee("e1", A, USER, "c2", JULY))
                .expectEvents(new EmployeeTransferred(A, USER, "e1", "c1", "c2", JULY));
    }

    @Test
    void transferRejections() {
        assertRejected(fixture.given(ANA).when(new TransferEmployee("e1", A, USER, "gone", JULY)), 422, "center.closed");
        assertRejected(fixture.given(ANA).when(new TransferEmployee("e1", A, USER, "cb", JULY)), 422, "center.not-found");
        assertRejected(fixture.given(ANA).when(new TransferEmployee("e1", A, USER, "c1", JULY)), 409,
                "employee.already-in-center");
        assertRejected(fixture.given(ANA).when(new TransferEmployee("e1", A, USER, null, JULY)), 400,
                "request.missing-parameter");
        assertRejected(fixture.given(ANA, ANA_LEFT).when(new TransferEmployee("e1", A, USER, "c2", JULY)), 409,
                "employee.left");
    }

    @Test
    void changesTheAnnualCostFromADate() {
        fixture.given(ANA).when(new ChangeSalary("e1", A, USER, new BigDecimal("1300000"), JULY, "Ascenso"))
                .expectEvents(new EmployeeSalaryChanged(A, USER, "e1", new BigDecimal("1300000"), JULY, "Ascenso"));
    }

    @Test
    void salaryRejections() {
        assertRejected(fixture.given(ANA).when(new ChangeSalary("e1", A, USER, new BigDecimal("-5"), JULY, null)), 400,
                "employee.annual-cost");
        assertRejected(fixture.given(ANA).when(new ChangeSalary("e1", A, USER, COST, null, null)), 400,
                "request.missing-parameter");
        assertRejected(fixture.given(ANA, ANA_LEFT).when(new ChangeSalary("e1", A, USER, COST, JULY, null)), 409,
                "employee.left");
    }

    @Test
    void changesContractedHoursWithinOneWeek() {
        fixture.given(ANA).when(new ChangeContractedHours("e1", A, USER, new BigDecimal("168"), JULY))
                .expectEvents(new EmployeeContractedHoursChanged(A, USER, "e1", new BigDecimal("168"), JULY));
        fixture.given(ANA).when(new ChangeContractedHours("e1", A, USER, new BigDecimal("40.0"), JULY))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void contractedHoursRejections() {
        assertRejected(fixture.given(ANA).when(new ChangeContractedHours("e1", A, USER, BigDecimal.ZERO, JULY)), 400,
                "employee.contracted-hours");
        assertRejected(fixture.given(ANA).when(new ChangeContractedHours("e1", A, USER, new BigDecimal("168.5"), JULY)),
                400, "employee.contracted-hours");
        assertRejected(fixture.given(ANA).when(new ChangeContractedHours("e1", A, USER, null, JULY)), 400,
                "employee.contracted-hours");
        assertRejected(fixture.given(ANA, ANA_LEFT).when(new ChangeContractedHours("e1", A, USER, BigDecimal.TEN, JULY)),
                409, "employee.left");
    }

    @Test
    void recordsADeparture() {
        fixture.given(ANA).when(new RecordDeparture("e1", A, USER, JULY, " Renuncia ")).expectEvents(ANA_LEFT);
    }

    @Test
    void departureRejections() {
        assertRejected(fixture.given(ANA).when(new RecordDeparture("e1", A, USER, JULY, " ")), 400,
                "employee.departure-reason-required");
        assertRejected(fixture.given(ANA).when(new RecordDeparture("e1", A, USER, null, "Renuncia")), 400,
                "request.missing-parameter");
    }

    @Test
    void aDepartureRecordedAgainCorrectsItsDateAndTheSameDateChangesNothing() {
        fixture.given(ANA, ANA_LEFT).when(new RecordDeparture("e1", A, USER, JULY.minusDays(1), "Fecha corregida"))
                .expectEvents(new EmployeeLeft(A, USER, "e1", JULY.minusDays(1), "Fecha corregida"));
        fixture.given(ANA, ANA_LEFT).when(new RecordDeparture("e1", A, USER, JULY, "Otra")).expectNoEvents();
    }
}
