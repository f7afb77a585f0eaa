package org.ppi.survey.interview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ppi.survey.testing.Rejected.assertRejected;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.web.DomainRejection;
import org.ppi.survey.interview.InterviewCommands.CellChange;
import org.ppi.survey.interview.InterviewCommands.RecordInterviewSheet;
import org.ppi.survey.interview.InterviewCommands.SheetOutcome;
import org.ppi.survey.interview.InterviewSheet.SheetCell;
import org.ppi.survey.testing.InMemoryDirectory;

/** The bulk sheet command: a whole matrix in one command, validated as a whole, one event per changed cell. */
class InterviewSheetTest {
    private static final String A = "inst-a";
    private static final String B = "inst-b";
    private static final String USER = "ana";
    private static final LocalDate DAY = LocalDate.of(2026, 3, 3);
    private static final InterviewOpened OPENED = new InterviewOpened(A, USER, "i1", "c1", DAY, null, List.of());
    private static final InterviewValidated VALIDATED = new InterviewValidated(A, USER, "i1", "c1", DAY);

    private AggregateTestFixture<Interview> fixture;

    @BeforeEach
    void setUp() {
        InMemoryDirectory directory = new InMemoryDirectory()
                .withInstitution(A, "40").withInstitution(B, "40")
                .withCenter(A, "c1", false, null).withCenter(A, "c2", false, null).withCenter(B, "cb", false, null)
                .withEmployee(A, "ana", "c1", "40", true).withEmployee(A, "carla", "c1", "20", true)
                .withEmployee(A, "left", "c1", "40", false).withEmployee(A, "diego", "c2", "40", true)
                .withEmployee(B, "eb", "cb", "40", true)
                .withProduct(A, "p1", "c1", true).withProduct(A, "p2", "c1", true).withProduct(A, "retired", "c1", false)
                .withProduct(B, "pb", "cb", true);
        for (int e = 1; e <= 5; e++) {
            directory.withEmployee(A, "e" + e, "c1", "40", true);
        }
        for (int p = 1; p <= 20; p++) {
            directory.withProduct(A, "q" + p, "c1", true);
        }
        fixture = new AggregateTestFixture<>(Interview.class);
        fixture.registerInjectableResource(directory);
    }

    private static SheetCell cell(String employee, String product, String hours) {
        return new SheetCell(employee, product, new BigDecimal(hours));
    }

    private static RecordInterviewSheet sheet(SheetCell... cells) {
        return new RecordInterviewSheet("i1", A, USER, InterviewSheet.of(cells), null, null, false);
    }

    private static TimeAllocated allocated(String employee, String product, String hours) {
        return new TimeAllocated(A, USER, "i1", "c1", employee, product, new BigDecimal(hours));
    }

    @Test
    void aFiveByTwentySheetIsOneCommandWithOneEventPerCell() {
        List<SheetCell> cells = new ArrayList<>();
        List<Object> events = new ArrayList<>();
        for (int e = 1; e <= 5; e++) {
            for (int p = 1; p <= 20; p++) {
                String hours = BigDecimal.valueOf(e + p, 1).toPlainString(); // 0.2 … 2.5
                cells.add(cell("e" + e, "q" + p, hours));
                events.add(allocated("e" + e, "q" + p, hours));
            }
        }
        fixture.given(OPENED)
                .when(new RecordInterviewSheet("i1", A, USER, new InterviewSheet(cells), null, 0L, false))
                .expectEvents(events.toArray())
                .expectResultMessagePayloadMatching(outcome(o -> o.written() && o.cells() == 100 && o.unchanged() == 0
                        && o.changes().size() == 100 && o.versionBefore() == 0 && o.version() == 100));
    }

    @Test
    void unchangedCellsWriteNothingAndZeroRemovesAnAllocation() {
        fixture.given(OPENED, allocated("ana", "p1", "10"), allocated("ana", "p2", "5"))
                .when(sheet(cell("ana", "p1", "10.00"), cell("ana", "p2", "0"), cell("carla", "p1", "0"),
                        cell("carla", "p2", "20")))
                .expectEvents(allocated("ana", "p2", "0"), allocated("carla", "p2", "20"))
                .expectResultMessagePayloadMatching(outcome(o -> o.unchanged() == 2 && o.version() == 4
                        && o.changes().equals(List.of(
                                new CellChange("ana", "p2", new BigDecimal("5"), new BigDecimal("0")),
                                new CellChange("carla", "p2", BigDecimal.ZERO, new BigDecimal("20"))))));
    }

    @Test
    void aSheetThatChangesNothingWritesNothing() {
        fixture.given(OPENED, allocated("ana", "p1", "10"))
                .when(sheet(cell("ana", "p1", "10"), cell("carla", "p1", "0")))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(o -> !o.written() && o.unchanged() == 2 && o.version() == 1));
    }

    @Test
    void everyBadCellIsListedAndNothingIsWritten() {
        AtomicReference<SheetRejected> refused = new AtomicReference<>();
        fixture.given(OPENED)
                .when(sheet(cell("ana", "p1", "10"), // fine
                        cell("ana", "p2", "41"), // above ana's 40 contracted hours
                        cell("carla", "p1", "-1"), // negative
                        cell("ghost", "p1", "1"), // unknown employee
                        cell("left", "p1", "1"), // departed
                        cell("diego", "p1", "1"), // another center
                        cell("eb", "p1", "1"), // another institution: unknown
                        cell("ana", "nope", "1"), // unknown product
                        cell("ana", "retired", "1"), // retired product
                        cell("ana", "pb", "1"), // another institution's product
                        cell("carla", "p2", "1.005"), // more than 2 decimals
                        cell("ana", "p1", "3"))) // the same cell twice
                .expectNoEvents()
                .expectException(new BaseMatcher<>() {
                    @Override
                    public boolean matches(Object actual) {
                        if (actual instanceof SheetRejected e) {
                            refused.set(e);
                            return true;
                        }
                        return false;
                    }

                    @Override
                    public void describeTo(Description description) {
                        description.appendText("SheetRejected");
                    }
                });
        SheetRejected e = refused.get();
        assertThat(e.status()).isEqualTo(422);
        assertThat(e.code()).isEqualTo("interview.sheet-invalid");
        assertThat(e.problems()).extracting(p -> p.index() + " " + p.employeeId() + "×" + p.productId() + " "
                + p.rejection().status() + " " + p.rejection().code()).containsExactly(
                "1 ana×p2 422 allocation.hours-above-contract",
                "2 carla×p1 400 allocation.hours-negative",
                "3 ghost×p1 422 employee.not-found",
                "4 left×p1 422 employee.left",
                "5 diego×p1 422 allocation.employee-other-center",
                "6 eb×p1 422 employee.not-found",
                "7 ana×nope 422 allocation.product-unknown",
                "8 ana×retired 422 allocation.product-unknown",
                "9 ana×pb 422 allocation.product-unknown",
                "10 carla×p2 400 number.out-of-range",
                "11 ana×p1 400 interview.sheet-duplicate-cell");
    }

    @Test
    void cellsWithOneKindOfProblemShareItsStatus() {
        assertRejected(fixture.given(OPENED).when(sheet(cell("ana", "p1", "-1"), cell("ana", "p2", "-2"))),
                400, "interview.sheet-invalid");
    }

    @Test
    void aDryRunAnswersWhatWouldChangeAndWritesNothing() {
        fixture.given(OPENED, allocated("ana", "p1", "10"))
                .when(new RecordInterviewSheet("i1", A, USER, InterviewSheet.of(cell("ana", "p1", "12"),
                        cell("carla", "p1", "0")), null, 1L, true))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(o -> !o.written() && o.version() == 1 && o.changes()
                        .equals(List.of(new CellChange("ana", "p1", new BigDecimal("10"), new BigDecimal("12"))))));
    }

    @Test
    void aValidatedInterviewTakesCorrectionsWithTheirReason() {
        fixture.given(OPENED, allocated("ana", "p1", "10"), VALIDATED)
                .when(new RecordInterviewSheet("i1", A, USER, InterviewSheet.of(cell("ana", "p1", "12"),
                        cell("ana", "p2", "0"), cell("carla", "p2", "4")), "  Revisión con la jefatura ", 2L, false))
                .expectEvents(
                        new AllocationCorrected(A, USER, "i1", "c1", "ana", "p1", new BigDecimal("12"), "Revisión con la jefatura"),
                        new AllocationCorrected(A, USER, "i1", "c1", "carla", "p2", new BigDecimal("4"), "Revisión con la jefatura"));
        assertRejected(fixture.given(OPENED, VALIDATED).when(sheet(cell("ana", "p1", "1"))), 400,
                "allocation.reason-required");
        // a dry run of a validated interview shows the corrections before the reason is written
        fixture.given(OPENED, VALIDATED)
                .when(new RecordInterviewSheet("i1", A, USER, InterviewSheet.of(cell("ana", "p1", "1")), null, null, true))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(outcome(o -> o.changes().size() == 1));
    }

    @Test
    void aStaleVersionIsAConflict() {
        assertRejected(fixture.given(OPENED, allocated("ana", "p1", "10"))
                .when(new RecordInterviewSheet("i1", A, USER, InterviewSheet.of(cell("ana", "p1", "12")), null, 0L, false)),
                409, "interview.version-conflict");
    }

    @Test
    void aSheetBoundsItself() {
        assertThatThrownBy(() -> new InterviewSheet(List.of())).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("interview.sheet-empty");
        List<SheetCell> tooMany = new ArrayList<>();
        for (int i = 0; i <= InterviewSheet.MAX_CELLS; i++) {
            tooMany.add(cell("e" + i, "p", "1"));
        }
        assertThatThrownBy(() -> new InterviewSheet(tooMany)).hasMessageContaining("interview.sheet-too-large");
        assertThatThrownBy(() -> InterviewSheet.of(cell("x".repeat(201), "p", "1")))
                .hasMessageContaining("text.too-long");
    }

    private static org.hamcrest.Matcher<SheetOutcome> outcome(java.util.function.Predicate<SheetOutcome> test) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof SheetOutcome o && test.test(o);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a matching SheetOutcome");
            }
        };
    }
}
