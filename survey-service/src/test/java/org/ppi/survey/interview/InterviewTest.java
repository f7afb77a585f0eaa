package org.ppi.survey.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.survey.testing.Rejected.assertRejected;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.survey.interview.InterviewCommands.AllocateTime;
import org.ppi.survey.interview.InterviewCommands.CorrectAllocation;
import org.ppi.survey.interview.InterviewCommands.OpenInterview;
import org.ppi.survey.interview.InterviewCommands.ValidateInterview;
import org.ppi.survey.testing.InMemoryDirectory;

class InterviewTest {
    private static final String A = "inst-a";
    private static final String B = "inst-b";
    private static final String USER = "ana";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final InterviewOpened OPENED = new InterviewOpened(A, USER, "i1", "c1", DAY, "Consultor",
            List.of("Ana", "Beto"));
    private static final InterviewValidated VALIDATED = new InterviewValidated(A, USER, "i1", "c1", DAY);

    private AggregateTestFixture<Interview> fixture;

    @BeforeEach
    void setUp() {
        InMemoryDirectory directory = new InMemoryDirectory()
                .withInstitution(A, "40").withInstitution(B, "40")
                .withCenter(A, "c1", false, null).withCenter(A, "c2", false, null).withCenter(A, "gone", true, null)
                .withCenter(B, "cb", false, null)
                .withEmployee(A, "ana", "c1", "40", true).withEmployee(A, "carla", "c1", "20", true)
                .withEmployee(A, "left", "c1", "40", false).withEmployee(A, "diego", "c2", "40", true)
                .withEmployee(B, "eb", "cb", "40", true)
                .withProduct(A, "p1", "c1", true).withProduct(A, "p2", "c1", true).withProduct(A, "retired", "c1", false)
                .withProduct(B, "pb", "cb", true);
        fixture = new AggregateTestFixture<>(Interview.class);
        fixture.registerInjectableResource(directory);
    }

    private static AllocateTime allocate(String employee, String product, String hours) {
        return new AllocateTime("i1", A, USER, employee, product, new BigDecimal(hours));
    }

    private static TimeAllocated allocated(String employee, String product, String hours) {
        return new TimeAllocated(A, USER, "i1", "c1", employee, product, new BigDecimal(hours));
    }

    @Test
    void opensAnInterviewWithAnOpenCenter() {
        fixture.givenNoPriorActivity()
                .when(new OpenInterview("i1", A, USER, "c1", DAY, "Consultor", List.of("Ana", "Beto")))
                .expectEvents(OPENED);
    }

    @Test
    void openingRejections() {
        assertRejected(fixture.givenNoPriorActivity().when(new OpenInterview("i1", A, USER, "gone", DAY, null, null)),
                422, "center.closed");
        assertRejected(fixture.givenNoPriorActivity().when(new OpenInterview("i1", A, USER, "cb", DAY, null, null)),
                422, "center.not-found");
    }

    @Test
    void allocatesUpToTheContractedHoursForOneProduct() {
        fixture.given(OPENED).when(allocate("ana", "p1", "30")).expectEvents(allocated("ana", "p1", "30"));
        fixture.given(OPENED).when(allocate("carla", "p1", "20")).expectEvents(allocated("carla", "p1", "20"));
    }

    @Test
    void acceptsATotalAboveContractedHoursAcrossProducts() {
        fixture.given(OPENED, allocated("ana", "p1", "30")).when(allocate("ana", "p2", "30"))
                .expectEvents(allocated("ana", "p2", "30"));
    }

    @Test
    void zeroRemovesAndTheSameValueWritesNothing() {
        fixture.given(OPENED, allocated("ana", "p1", "30")).when(allocate("ana", "p1", "0"))
                .expectEvents(allocated("ana", "p1", "0"));
        fixture.given(OPENED, allocated("ana", "p1", "30")).when(allocate("ana", "p1", "30.00"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void rejectsNegativeHoursAndHoursAboveTheContract() {
        assertRejected(fixture.given(OPENED).when(allocate("ana", "p1", "-1")), 400, "allocation.hours-negative");
        assertRejected(fixture.given(OPENED).when(allocate("carla", "p1", "20.5")), 422, "allocation.hours-above-contract");
        assertRejected(fixture.given(OPENED).when(new AllocateTime("i1", A, USER, "ana", "p1", null)), 400,
                "request.missing-parameter");
        assertRejected(fixture.given(OPENED).when(allocate("ana", "p1", "1.125")), 400, "number.out-of-range");
    }

    @Test
    void rejectsUnknownRetiredOrForeignProducts() {
        assertRejected(fixture.given(OPENED).when(allocate("ana", "nope", "1")), 422, "allocation.product-unknown");
        assertRejected(fixture.given(OPENED).when(allocate("ana", "pb", "1")), 422, "allocation.product-unknown");
        assertRejected(fixture.given(OPENED).when(allocate("ana", "retired", "1")), 422, "allocation.product-unknown");
    }

    @Test
    void rejectsUnknownLeftForeignOrOtherCenterEmployees() {
        assertRejected(fixture.given(OPENED).when(allocate("nobody", "p1", "1")), 422, "employee.not-found");
        assertRejected(fixture.given(OPENED).when(allocate("eb", "p1", "1")), 422, "employee.not-found");
        assertRejected(fixture.given(OPENED).when(allocate("left", "p1", "1")), 422, "employee.left");
        assertRejected(fixture.given(OPENED).when(allocate("diego", "p1", "1")), 422, "allocation.employee-other-center");
    }

    /**
     * Another institution's command names its own stream, which has no events: the repository answers not found
     * (404 interview.not-found at the door, see SurveyServiceIntegrationTest), never this aggregate.
     */
    @Test
    void anotherInstitutionsCommandTargetsItsOwnInterview() {
        String mine = new ValidateInterview("i1", A, USER, DAY).aggregateId();
        assertThat(mine).isEqualTo(ScopedId.of(A, "i1"));
        assertThat(new AllocateTime("i1", B, USER, "eb", "pb", BigDecimal.ONE).aggregateId()).isEqualTo(B + "~i1")
                .isNotEqualTo(mine);
        assertThat(new CorrectAllocation("i1", B, USER, "eb", "pb", BigDecimal.ONE, "x").aggregateId())
                .isNotEqualTo(mine);
    }

    @Test
    void aCenterManagerValidatesOnlyTheInterviewsOfHisCenters() {
        assertRejected(fixture.given(OPENED).when(new ValidateInterview("i1", A, USER, DAY, java.util.Set.of("c2"))), 403,
                "auth.forbidden");
        assertRejected(fixture.given(OPENED).when(new ValidateInterview("i1", A, USER, DAY, java.util.Set.of())), 403,
                "auth.forbidden");
        fixture.given(OPENED).when(new ValidateInterview("i1", A, USER, DAY, java.util.Set.of("c2", "c1")))
                .expectEvents(VALIDATED);
    }

    @Test
    void validatesOnce() {
        fixture.given(OPENED).when(new ValidateInterview("i1", A, USER, DAY)).expectEvents(VALIDATED);
        assertRejected(fixture.given(OPENED, VALIDATED).when(new ValidateInterview("i1", A, USER, DAY)), 409,
                "interview.validated");
    }

    @Test
    void aValidatedInterviewChangesOnlyThroughACorrectionWithAReason() {
        assertRejected(fixture.given(OPENED, VALIDATED).when(allocate("ana", "p1", "10")), 409, "interview.validated");
        fixture.given(OPENED, allocated("ana", "p1", "30"), VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", new BigDecimal("25"), " Error de registro "))
                .expectEvents(new AllocationCorrected(A, USER, "i1", "c1", "ana", "p1", new BigDecimal("25"),
                        "Error de registro"));
    }

    @Test
    void correctionRejections() {
        assertRejected(fixture.given(OPENED, VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", BigDecimal.ONE, " ")), 400,
                "allocation.reason-required");
        assertRejected(fixture.given(OPENED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", BigDecimal.ONE, "Motivo")), 409,
                "interview.not-validated");
        assertRejected(fixture.given(OPENED, VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", new BigDecimal("-2"), "Motivo")), 400,
                "allocation.hours-negative");
        assertRejected(fixture.given(OPENED, VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", new BigDecimal("41"), "Motivo")), 422,
                "allocation.hours-above-contract");
        assertRejected(fixture.given(OPENED, VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "left", "p1", BigDecimal.ONE, "Motivo")), 422, "employee.left");
    }

    // --- optimistic concurrency: version = sequence number of the last event (0 after opening)

    private static AllocateTime allocateBasedOn(long version, String employee, String hours) {
        return new AllocateTime("i1", A, USER, employee, "p1", new BigDecimal(hours), version);
    }

    @Test
    void aChangeBasedOnTheCurrentVersionIsApplied() {
        fixture.given(OPENED, allocated("ana", "p1", "30"))
                .when(allocateBasedOn(1, "ana", "25"))
                .expectEvents(allocated("ana", "p1", "25"));
    }

    @Test
    void theSecondOfTwoUsersWhoReadTheSameVersionGets409WithTheCurrentVersion() {
        // both read version 1; the first one's change made it 2
        fixture.given(OPENED, allocated("ana", "p1", "30"), allocated("ana", "p1", "25"))
                .when(allocateBasedOn(1, "ana", "10"))
                .expectNoEvents()
                .expectException(org.ppi.survey.testing.Rejected.rejected(409, "interview.version-conflict"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("[i1, 1, 2]"));
    }

    @Test
    void validationAndCorrectionCheckTheVersionToo() {
        assertRejected(fixture.given(OPENED, allocated("ana", "p1", "30"))
                .when(new ValidateInterview("i1", A, USER, DAY, null, 0L)), 409, "interview.version-conflict");
        assertRejected(fixture.given(OPENED, allocated("ana", "p1", "30"), VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", new BigDecimal("20"), "error", 1L)),
                409, "interview.version-conflict");
        fixture.given(OPENED, allocated("ana", "p1", "30"), VALIDATED)
                .when(new CorrectAllocation("i1", A, USER, "ana", "p1", new BigDecimal("20"), "error", 2L))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void withoutAnExpectedVersionNothingIsChecked() {
        fixture.given(OPENED, allocated("ana", "p1", "30"), allocated("ana", "p1", "25"))
                .when(allocate("ana", "p1", "10"))
                .expectEvents(allocated("ana", "p1", "10"));
    }

    @Test
    void theVersionComesFromTheBodyOrIfMatch() {
        assertThat(InterviewController.expectedVersion(null, null)).isNull();
        assertThat(InterviewController.expectedVersion(3L, null)).isEqualTo(3L);
        assertThat(InterviewController.expectedVersion(null, "W/\"4\"")).isEqualTo(4L);
        assertThat(InterviewController.expectedVersion(5L, "5")).isEqualTo(5L);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterviewController.expectedVersion(5L, "6"))
                .hasMessageContaining("interview.version-mismatch");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterviewController.expectedVersion(null, "abc"))
                .hasMessageContaining("interview.version-invalid");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> InterviewController.expectedVersion(-1L, null))
                .hasMessageContaining("interview.version-invalid");
    }
}
