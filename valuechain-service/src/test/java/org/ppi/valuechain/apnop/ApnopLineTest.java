package org.ppi.valuechain.apnop;

import static org.ppi.valuechain.support.Rejections.rejected;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineCorrected;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ApnopLineRemoved;
import org.ppi.valuechain.apnop.ApnopCommands.CorrectApnopLine;
import org.ppi.valuechain.apnop.ApnopCommands.RecordApnopLine;
import org.ppi.valuechain.apnop.ApnopCommands.RemoveApnopLine;

class ApnopLineTest {
    private static final String INST = "inst-a";
    private static final ApnopLineRecorded RECORDED = new ApnopLineRecorded(INST, "ana", "L1", 2026, "Pensiones",
            ApnopKind.PENSION, new BigDecimal("1250000.50"));

    private FixtureConfiguration<ApnopLine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ApnopLine.class);
    }

    private static RecordApnopLine record(String amount) {
        return new RecordApnopLine("L1", INST, "ana", 2026, " Pensiones ", ApnopKind.PENSION, new BigDecimal(amount));
    }

    @Test
    void recordsALine() {
        fixture.givenNoPriorActivity().when(record("1250000.50")).expectEvents(RECORDED);
    }

    @Test
    void refusesANegativeAmountFractionsOfACentAndMissingFields() {
        fixture.givenNoPriorActivity().when(record("-1")).expectException(rejected(400, "apnop.amount-negative"));
        fixture.givenNoPriorActivity().when(record("10.005")).expectException(rejected(400, "apnop.amount-cents"));
        fixture.givenNoPriorActivity()
                .when(new RecordApnopLine("L1", INST, "ana", 2026, "Deuda", null, BigDecimal.ONE))
                .expectException(rejected(400, "request.missing-parameter"));
        fixture.givenNoPriorActivity()
                .when(new RecordApnopLine("L1", INST, "ana", 3100, "Deuda", ApnopKind.DEBT, BigDecimal.ONE))
                .expectException(rejected(400, "program.fiscal-year"));
    }

    @Test
    void correctsALineWithItsCompleteValuesAndReason() {
        fixture.given(RECORDED)
                .when(new CorrectApnopLine("L1", INST, "ana", 2027, "Pensiones", ApnopKind.PENSION,
                        new BigDecimal("900000"), "cifra del decreto"))
                .expectEvents(new ApnopLineCorrected(INST, "ana", "L1", 2027, "Pensiones", ApnopKind.PENSION,
                        new BigDecimal("900000"), "cifra del decreto"));
        fixture.given(RECORDED)
                .when(new CorrectApnopLine("L1", INST, "ana", 2026, "Pensiones", ApnopKind.PENSION,
                        new BigDecimal("1250000.5"), "nada"))
                .expectNoEvents();
    }

    @Test
    void removesALineOnceAndThenRefusesChanges() {
        fixture.given(RECORDED).when(new RemoveApnopLine("L1", INST, "ana", "duplicada"))
                .expectEvents(new ApnopLineRemoved(INST, "ana", "L1", "duplicada"));
        fixture.given(RECORDED, new ApnopLineRemoved(INST, "ana", "L1", "duplicada"))
                .when(new RemoveApnopLine("L1", INST, "ana", "otra vez"))
                .expectException(rejected(409, "apnop.removed"));
        fixture.given(RECORDED, new ApnopLineRemoved(INST, "ana", "L1", "duplicada"))
                .when(new CorrectApnopLine("L1", INST, "ana", 2026, "Pensiones", ApnopKind.PENSION, BigDecimal.TEN, "x"))
                .expectException(rejected(409, "apnop.removed"));
    }
}
