package org.ppi.survey.center;

import static org.ppi.survey.testing.Rejected.assertRejected;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.survey.center.CenterCommands.CloseCenter;
import org.ppi.survey.center.CenterCommands.MoveCenter;
import org.ppi.survey.center.CenterCommands.RecordNonLabourCost;
import org.ppi.survey.center.CenterCommands.RegisterCenter;
import org.ppi.survey.center.CenterCommands.RenameCenter;
import org.ppi.survey.center.CenterCommands.ReviseCenterProfile;
import org.ppi.survey.testing.InMemoryDirectory;

class ProductionCenterTest {
    private static final String A = "inst-a";
    private static final String B = "inst-b";
    private static final String USER = "ana";
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);
    private static final CenterRegistered C1 = new CenterRegistered(A, USER, "c1", "Dirección de Atención al Ciudadano",
            "s1", CenterArea.SUBSTANTIVE, "Atiende quejas", "5 analistas", "Ana", null);
    private static final CenterClosed C1_CLOSED = new CenterClosed(A, USER, "c1", JULY, "Fusión");

    private AggregateTestFixture<ProductionCenter> fixture;
    private InMemoryDirectory directory;

    @BeforeEach
    void setUp() {
        // c1 is the center under test; c2 hangs under c1 and c3 under c2, so c2 and c3 cannot become c1's parent.
        directory = new InMemoryDirectory()
                .withInstitution(A, "40").withInstitution(B, "40")
                .withScope(A, "s1").withScope(A, "s2").withScope(B, "sb")
                .withCenter(A, "c1", false, null).withCenter(A, "c2", false, "c1").withCenter(A, "c3", false, "c2")
                .withCenter(A, "top", false, null).withCenter(A, "gone", true, null)
                .withCenter(B, "cb", false, null);
        fixture = new AggregateTestFixture<>(ProductionCenter.class);
        fixture.registerInjectableResource(directory);
    }

    private static RegisterCenter register(String institution, String scope, CenterArea area, String parent) {
        return new RegisterCenter("c1", institution, USER, "Dirección de Atención al Ciudadano", scope, area,
                "Atiende quejas", "5 analistas", "Ana", parent);
    }

    @Test
    void registersACenter() {
        fixture.givenNoPriorActivity().when(register(A, "s1", CenterArea.SUBSTANTIVE, null)).expectEvents(C1);
    }

    @Test
    void registrationRejections() {
        assertRejected(fixture.givenNoPriorActivity().when(register("inst-x", null, CenterArea.SUPPORT, null)), 404,
                "institution.not-found");
        assertRejected(fixture.givenNoPriorActivity().when(register(A, null, null, null)), 400, "request.missing-parameter");
        assertRejected(fixture.givenNoPriorActivity().when(register(A, "sb", CenterArea.SUPPORT, null)), 422,
                "scope.not-found");
        assertRejected(fixture.givenNoPriorActivity().when(register(A, null, CenterArea.SUPPORT, "cb")), 422,
                "center.not-found");
        assertRejected(fixture.givenNoPriorActivity().when(register(A, null, CenterArea.SUPPORT, "gone")), 422,
                "center.closed");
    }

    @Test
    void renames() {
        fixture.given(C1).when(new RenameCenter("c1", A, USER, "Dirección de Servicio al Ciudadano"))
                .expectEvents(new CenterRenamed(A, USER, "c1", "Dirección de Servicio al Ciudadano"));
        fixture.given(C1).when(new RenameCenter("c1", A, USER, "Dirección de Atención al Ciudadano"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void renameRejections() {
        assertRejected(fixture.given(C1).when(new RenameCenter("c1", A, USER, " ")), 400, "request.missing-parameter");
        assertRejected(fixture.given(C1, C1_CLOSED).when(new RenameCenter("c1", A, USER, "X")), 409, "center.closed");
    }

    @Test
    void revisesTheProfile() {
        fixture.given(C1).when(new ReviseCenterProfile("c1", A, USER, CenterArea.SUPPORT, "Apoyo", "3 técnicos", "Beto"))
                .expectEvents(new CenterProfileRevised(A, USER, "c1", CenterArea.SUPPORT, "Apoyo", "3 técnicos", "Beto"));
        fixture.given(C1).when(new ReviseCenterProfile("c1", A, USER, CenterArea.SUBSTANTIVE, "Atiende quejas",
                "5 analistas", "Ana")).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void profileRejections() {
        assertRejected(fixture.given(C1).when(new ReviseCenterProfile("c1", A, USER, null, "f", "o", "m")), 400,
                "request.missing-parameter");
        assertRejected(fixture.given(C1, C1_CLOSED)
                .when(new ReviseCenterProfile("c1", A, USER, CenterArea.SUPPORT, "f", "o", "m")), 409, "center.closed");
    }

    @Test
    void movesToAnotherScopeAndParent() {
        fixture.given(C1).when(new MoveCenter("c1", A, USER, "s2", "top"))
                .expectEvents(new CenterMoved(A, USER, "c1", "s2", "top"));
        fixture.given(C1).when(new MoveCenter("c1", A, USER, null, null))
                .expectEvents(new CenterMoved(A, USER, "c1", null, null));
        fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", null)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void rejectsSelfParentAndCycles() {
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", "c1")), 422, "center.parent-self");
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", "c2")), 422, "center.parent-cycle");
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", "c3")), 422, "center.parent-cycle");
    }

    @Test
    void moveRejectsForeignOrClosedTargets() {
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", "cb")), 422, "center.not-found");
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "sb", null)), 422, "scope.not-found");
        assertRejected(fixture.given(C1).when(new MoveCenter("c1", A, USER, "s1", "gone")), 422, "center.closed");
        assertRejected(fixture.given(C1, C1_CLOSED).when(new MoveCenter("c1", A, USER, "s2", null)), 409, "center.closed");
    }

    @Test
    void closesWithDateAndReason() {
        fixture.given(C1).when(new CloseCenter("c1", A, USER, JULY, " Fusión ")).expectEvents(C1_CLOSED);
    }

    /** Nothing may be left behind: staff first transferred or departed, products retired or merged. */
    @Test
    void aCenterWithStaffOrProductsDoesNotClose() {
        directory.withEmployee(A, "e1", "c1", "40", true).withEmployee(A, "e2", "c1", "40", false)
                .withEmployee(A, "e3", "c2", "40", true).withEmployee(B, "eb", "c1", "40", true);
        assertRejected(fixture.given(C1).when(new CloseCenter("c1", A, USER, JULY, "Fusión")), 409, "center.has-employees");
        directory.withEmployee(A, "e1", "c1", "40", false).withProduct(A, "p1", "c1", true).withProduct(A, "p2", "c1", false);
        assertRejected(fixture.given(C1).when(new CloseCenter("c1", A, USER, JULY, "Fusión")), 409, "center.has-products");
        directory.withProduct(A, "p1", "c1", false);
        fixture.given(C1).when(new CloseCenter("c1", A, USER, JULY, "Fusión")).expectEvents(C1_CLOSED);
    }

    @Test
    void closureRejections() {
        assertRejected(fixture.given(C1).when(new CloseCenter("c1", A, USER, JULY, "")), 400,
                "center.closure-reason-required");
        assertRejected(fixture.given(C1).when(new CloseCenter("c1", A, USER, null, "Fusión")), 400,
                "request.missing-parameter");
        assertRejected(fixture.given(C1, C1_CLOSED).when(new CloseCenter("c1", A, USER, JULY, "Otra vez")), 409,
                "center.closed");
    }

    @Test
    void recordsNonLabourCostEvenWhenClosed() {
        BigDecimal amount = new BigDecimal("120000.00");
        fixture.given(C1).when(new RecordNonLabourCost("c1", A, USER, amount, "Bienes y servicios 2026"))
                .expectEvents(new CenterNonLabourCostRecorded(A, USER, "c1", amount, "Bienes y servicios 2026"));
        fixture.given(C1, C1_CLOSED).when(new RecordNonLabourCost("c1", A, USER, BigDecimal.ZERO, null))
                .expectEvents(new CenterNonLabourCostRecorded(A, USER, "c1", BigDecimal.ZERO, null));
        fixture.given(C1, new CenterNonLabourCostRecorded(A, USER, "c1", amount, "n"))
                .when(new RecordNonLabourCost("c1", A, USER, new BigDecimal("120000"), "n"))
                .expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void nonLabourCostRejections() {
        assertRejected(fixture.given(C1).when(new RecordNonLabourCost("c1", A, USER, new BigDecimal("-0.01"), null)), 400,
                "center.non-labour-negative");
        assertRejected(fixture.given(C1).when(new RecordNonLabourCost("c1", A, USER, null, null)), 400,
                "request.missing-parameter");
    }
}
