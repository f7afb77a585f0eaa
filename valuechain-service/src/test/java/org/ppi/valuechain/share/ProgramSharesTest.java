package org.ppi.valuechain.share;

import static org.ppi.valuechain.support.Rejections.rejected;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.contracts.valuechain.ProgramShareWithdrawn;
import org.ppi.valuechain.share.ShareCommands.SetProgramShare;
import org.ppi.valuechain.share.ShareCommands.WithdrawProgramShare;
import org.ppi.valuechain.support.InMemoryDirectory;

class ProgramSharesTest {
    private static final String INST = "inst-a";
    private static final int YEAR = 2026;

    private FixtureConfiguration<ProgramShares> fixture;

    @BeforeEach
    void setUp() {
        fixture = fresh();
    }

    private static FixtureConfiguration<ProgramShares> fresh() {
        InMemoryDirectory directory = new InMemoryDirectory()
                .terminal(INST, "P1").intermediate(INST, "P3")
                .chain(INST, "ch1", "P1", false).chainInProgram(INST, "ch1", "pr1")
                .commonActivity(INST, "pr2", "P1").commonActivity(INST, "pr2", "P3")
                .program(INST, "pr1", "PR1").program(INST, "pr2", "PR2").program(INST, "pr3", "PR3");
        FixtureConfiguration<ProgramShares> fixture = new AggregateTestFixture<>(ProgramShares.class);
        fixture.registerInjectableResource(directory);
        return fixture;
    }

    private static SetProgramShare share(String program, String product, String share) {
        return new SetProgramShare(program, INST, "ana", product, YEAR, new BigDecimal(share));
    }

    private static ProgramShareSet set(String program, String share) {
        return new ProgramShareSet(INST, "ana", program, "P1", YEAR, new BigDecimal(share));
    }

    @Test
    void recordsTheFirstShareOfAProductAndYear() {
        fixture.givenNoPriorActivity()
                .when(share("pr1", "P1", "0.7"))
                .expectEvents(set("pr1", "0.7"));
    }

    @Test
    void aProgramDeliveringTheProductThroughACommonActivityMayTakeTheRest() {
        fixture.given(set("pr1", "0.7"))
                .when(share("pr2", "P1", "0.3"))
                .expectEvents(set("pr2", "0.3"));
    }

    @Test
    void refusesSharesThatWouldAddUpToMoreThanOne() {
        fixture.given(set("pr1", "0.7"))
                .when(share("pr2", "P1", "0.31"))
                .expectException(rejected(409, "share.exceeds-one"));
    }

    @Test
    void aProgramMayLowerOrRaiseItsOwnShareWithinWhatTheOthersLeave() {
        fixture.given(set("pr1", "0.7"), set("pr2", "0.3"))
                .when(share("pr2", "P1", "0.2"))
                .expectEvents(set("pr2", "0.2"));
        fixture.given(set("pr1", "0.7"), set("pr2", "0.3"))
                .when(share("pr1", "P1", "0.8"))
                .expectException(rejected(409, "share.exceeds-one"));
    }

    @Test
    void theSameShareAgainChangesNothing() {
        fixture.given(set("pr1", "0.7"))
                .when(share("pr1", "P1", "0.70"))
                .expectNoEvents();
    }

    @Test
    void refusesAShareOutsideZeroToOneOrOfAProductTheProgramDoesNotDeliver() {
        fresh().givenNoPriorActivity().when(share("pr1", "P1", "1.01")).expectException(rejected(400, "share.out-of-range"));
        fresh().givenNoPriorActivity().when(share("pr1", "P1", "-0.1")).expectException(rejected(400, "share.out-of-range"));
        fresh().givenNoPriorActivity().when(share("pr3", "P1", "0.5"))
                .expectException(rejected(422, "share.product-not-delivered"));
        fresh().givenNoPriorActivity().when(share("pr2", "P3", "0.5"))
                .expectException(rejected(422, "share.product-not-delivered"));
        fresh().givenNoPriorActivity()
                .when(new SetProgramShare("pr1", INST, "ana", "P1", 1800, new BigDecimal("0.5")))
                .expectException(rejected(400, "program.fiscal-year"));
    }

    @Test
    void withdrawsAShareSoItsPartIsFreeAgain() {
        fixture.given(set("pr1", "0.7"))
                .when(new WithdrawProgramShare("pr1", INST, "ana", "P1", YEAR))
                .expectEvents(new ProgramShareWithdrawn(INST, "ana", "pr1", "P1", YEAR));
        fixture.given(set("pr1", "0.7"), new ProgramShareWithdrawn(INST, "ana", "pr1", "P1", YEAR))
                .when(share("pr2", "P1", "1"))
                .expectEvents(set("pr2", "1"));
        fixture.given(set("pr1", "0.7"))
                .when(new WithdrawProgramShare("pr2", INST, "ana", "P1", YEAR))
                .expectException(rejected(404, "share.not-set"));
    }
}
