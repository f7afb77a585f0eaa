package org.ppi.valuechain.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.valuechain.support.Rejections.rejected;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.valuechain.chain.ChainCommands.DefineValueChain;
import org.ppi.valuechain.chain.ChainCommands.LinkIntermediate;
import org.ppi.valuechain.chain.ChainCommands.RetireValueChain;
import org.ppi.valuechain.chain.ChainCommands.UnlinkIntermediate;
import org.ppi.valuechain.support.InMemoryDirectory;

/** The worked example's products: P1, P2 terminal; P3, P4, P5 intermediate. */
class ValueChainTest {
    private static final String INST = "inst-a";
    private static final String OTHER = "inst-b";
    private static final ValueChainDefined DEFINED = new ValueChainDefined(INST, "ana", "ch1", "Quejas", "r1", "P1");

    private InMemoryDirectory directory;
    private FixtureConfiguration<ValueChain> fixture;

    @BeforeEach
    void setUp() {
        directory = new InMemoryDirectory().result(INST, "r1").result(OTHER, "r-other")
                .terminal(INST, "P1").terminal(INST, "P2")
                .intermediate(INST, "P3").intermediate(INST, "P4").intermediate(INST, "P5")
                .product(INST, "P-retired", ProductType.TERMINAL, false)
                .product(INST, "I-retired", ProductType.INTERMEDIATE, false)
                .terminal(OTHER, "X1").intermediate(OTHER, "X3");
        fixture = new AggregateTestFixture<>(ValueChain.class);
        fixture.registerInjectableResource(directory);
    }

    private static LinkIntermediate link(String intermediate, String feeds, String weight) {
        return new LinkIntermediate("ch1", INST, "ana", intermediate, feeds, weight == null ? null : new BigDecimal(weight));
    }

    private static IntermediateLinked linked(String intermediate, String feeds, String weight) {
        return new IntermediateLinked(INST, "ana", "ch1", intermediate, feeds, new BigDecimal(weight));
    }

    // --- DefineValueChain

    @Test
    void definesAChainEndingInATerminalProduct() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P1"))
                .expectEvents(DEFINED);
    }

    @Test
    void refusesATerminalThatIsIntermediate() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P3"))
                .expectException(rejected(422, "chain.terminal-not-terminal"));
    }

    @Test
    void refusesAnUnknownTerminalProduct() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P-missing"))
                .expectException(rejected(422, "product.unknown"));
    }

    @Test
    void refusesAnotherInstitutionsTerminalProduct() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "X1"))
                .expectException(rejected(422, "product.unknown"));
    }

    @Test
    void refusesARetiredTerminalProduct() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P-retired"))
                .expectException(rejected(422, "product.inactive"));
    }

    @Test
    void refusesAnUnknownOrForeignResult() {
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r-other", "P1"))
                .expectException(rejected(422, "result.not-found"));
    }

    @Test
    void refusesASecondChainForTheSameTerminal() {
        directory.chain(INST, "ch0", "P1", false);
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P1"))
                .expectException(rejected(409, "chain.terminal-taken"));
    }

    @Test
    void allowsATerminalWhoseFormerChainWasRetired() {
        directory.chain(INST, "ch0", "P1", true);
        fixture.givenNoPriorActivity()
                .when(new DefineValueChain("ch1", INST, "ana", "Quejas", "r1", "P1"))
                .expectEvents(DEFINED);
    }

    // --- LinkIntermediate

    @Test
    void linksAnIntermediateToTheTerminalWithWeightOneByDefault() {
        fixture.given(DEFINED)
                .when(link("P4", null, null))
                .expectEvents(linked("P4", "P1", "1"));
    }

    @Test
    void linksAnIntermediateToAnotherIntermediateOfTheChain() {
        fixture.given(DEFINED, linked("P3", "P1", "3"))
                .when(link("P4", "P3", "0.5"))
                .expectEvents(linked("P4", "P3", "0.5"));
    }

    @Test
    void relinkingAPairChangesItsWeight() {
        fixture.given(DEFINED, linked("P3", "P1", "1"))
                .when(link("P3", "P1", "3"))
                .expectEvents(linked("P3", "P1", "3"));
    }

    @Test
    void relinkingAPairWithTheSameWeightChangesNothing() {
        fixture.given(DEFINED, linked("P3", "P1", "3"))
                .when(link("P3", null, "3.00"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesLinkingATerminalProductAsIntermediate() {
        fixture.given(DEFINED)
                .when(link("P2", null, null))
                .expectException(rejected(422, "chain.intermediate-not-intermediate"));
    }

    @Test
    void refusesAnUnknownIntermediate() {
        fixture.given(DEFINED)
                .when(link("P-missing", null, null))
                .expectException(rejected(422, "product.unknown"));
    }

    @Test
    void refusesAnotherInstitutionsIntermediate() {
        fixture.given(DEFINED)
                .when(link("X3", null, null))
                .expectException(rejected(422, "product.unknown"));
    }

    @Test
    void refusesARetiredIntermediate() {
        fixture.given(DEFINED)
                .when(link("I-retired", null, null))
                .expectException(rejected(422, "product.inactive"));
    }

    @Test
    void refusesFeedingAProductOutsideTheChain() {
        fixture.given(DEFINED, linked("P3", "P1", "1"))
                .when(link("P4", "P5", null))
                .expectException(rejected(422, "chain.feeds-not-in-chain"));
    }

    @Test
    void refusesASelfLink() {
        fixture.given(DEFINED, linked("P3", "P1", "1"))
                .when(link("P3", "P3", null))
                .expectException(rejected(422, "chain.self-link"));
    }

    @Test
    void refusesACycleInsideTheChain() {
        directory.link(INST, "P3", "P1").link(INST, "P4", "P3");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P3", "1"))
                .when(link("P3", "P4", null))
                .expectException(rejected(409, "chain.cycle"))
                .expectNoEvents();
    }

    @Test
    void refusesACycleThroughAnotherChainOfTheInstitution() {
        // in chain ch2 (terminal P2): P3 feeds P4's feeder P5, and P5 feeds P4 → P3 reaches P4
        directory.link(INST, "P3", "P1").link(INST, "P4", "P1")
                .link(INST, "P5", "P2").link(INST, "P3", "P5").link(INST, "P5", "P4");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P1", "1"))
                .when(link("P4", "P3", null))
                .expectException(rejected(409, "chain.cycle"));
    }

    // I1 → I2 → I3 → T as P5 → P4 → P3 → P1

    @Test
    void refusesALinkThatCyclesThroughAMergeAsCostingReadsIt() {
        // P3 was merged into P5: a link to P3 counts for P5, and P5 already feeds P4
        directory.link(INST, "P3", "P1").link(INST, "P5", "P4").link(INST, "P4", "P1").merged(INST, "P3", "P5");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P1", "1"), linked("P5", "P4", "1"))
                .when(link("P4", "P3", null))
                .expectException(rejected(409, "chain.cycle"))
                .expectNoEvents();
        assertThat(directory.locks).isPositive();
    }

    @Test
    void theSameLinkIsAcceptedWithoutTheMerge() {
        directory.link(INST, "P3", "P1").link(INST, "P5", "P4").link(INST, "P4", "P1");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P1", "1"), linked("P5", "P4", "1"))
                .when(link("P4", "P3", null))
                .expectEvents(linked("P4", "P3", "1"));
    }

    @Test
    void theCycleMessageNamesTheProductsAsCostingSeesThem() {
        directory.link(INST, "P3", "P1").link(INST, "P5", "P4").link(INST, "P4", "P1").merged(INST, "P3", "P5");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P1", "1"), linked("P5", "P4", "1"))
                .when(link("P4", "P3", null))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("P5 → P4 → P5"));
    }

    @Test
    void aRepairCutsALinkThatLiesOnACycle() {
        // P4 → P3 accepted while the merge of P3 into P5 was on its way: P5 → P4 → P3≡P5
        directory.link(INST, "P3", "P1").link(INST, "P5", "P4").link(INST, "P4", "P3").merged(INST, "P3", "P5");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P3", "1"), linked("P5", "P4", "1"))
                .when(new ChainCommands.CutCycleLink("ch1", INST, CycleGuard.SYSTEM_USER, "P4", "P3"))
                .expectEvents(new IntermediateUnlinked(INST, CycleGuard.SYSTEM_USER, "ch1", "P4", "P3"));
    }

    @Test
    void aRepairLeavesALinkThatNoLongerCycles() {
        directory.link(INST, "P3", "P1").link(INST, "P5", "P4").link(INST, "P4", "P3");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P3", "1"), linked("P5", "P4", "1"))
                .when(new ChainCommands.CutCycleLink("ch1", INST, CycleGuard.SYSTEM_USER, "P4", "P3"))
                .expectNoEvents();
    }

    @Test
    void linksWhenAnotherInstitutionsGraphWouldCloseACycle() {
        directory.link(INST, "P3", "P1").link(INST, "P4", "P1").link(OTHER, "P3", "P4");
        fixture.given(DEFINED, linked("P3", "P1", "1"), linked("P4", "P1", "1"))
                .when(link("P4", "P3", null))
                .expectEvents(linked("P4", "P3", "1"));
    }

    @Test
    void refusesAZeroWeight() {
        fixture.given(DEFINED)
                .when(link("P3", null, "0"))
                .expectException(rejected(400, "chain.weight-not-positive"));
    }

    @Test
    void refusesANegativeWeight() {
        fixture.given(DEFINED)
                .when(link("P3", null, "-1"))
                .expectException(rejected(400, "chain.weight-not-positive"));
    }

    @Test
    void refusesAWeightWithMoreDecimalsThanStored() {
        fixture.given(DEFINED)
                .when(link("P3", null, "0.1234567"))
                .expectException(rejected(400, "number.out-of-range"));
    }

    @Test
    void anotherInstitutionsCommandTargetsItsOwnChain() {
        // Its stream (OTHER~ch1) has no events: the repository answers 404 entity.not-found, and this chain is
        // never loaded (ValueChainServiceIntegrationTest asks over HTTP).
        String mine = new LinkIntermediate("ch1", INST, "ana", "X3", null, null).aggregateId();
        assertThat(mine).isEqualTo(ScopedId.of(INST, "ch1"));
        assertThat(new LinkIntermediate("ch1", OTHER, "eve", "X3", null, null).aggregateId()).isEqualTo(OTHER + "~ch1");
        assertThat(new RetireValueChain("ch1", OTHER, "eve", "x").aggregateId()).isNotEqualTo(mine);
    }

    // --- UnlinkIntermediate

    @Test
    void unlinksALinkFeedingTheTerminalByDefault() {
        fixture.given(DEFINED, linked("P3", "P1", "3"))
                .when(new UnlinkIntermediate("ch1", INST, "ana", "P3", null))
                .expectEvents(new IntermediateUnlinked(INST, "ana", "ch1", "P3", "P1"));
    }

    @Test
    void refusesUnlinkingAMissingLink() {
        fixture.given(DEFINED, linked("P3", "P1", "3"))
                .when(new UnlinkIntermediate("ch1", INST, "ana", "P4", "P1"))
                .expectException(rejected(404, "chain.link-not-found"));
    }

    @Test
    void refusesUnlinkingAnIntermediateThatOthersStillFeed() {
        fixture.given(DEFINED, linked("P3", "P1", "3"), linked("P4", "P3", "1"))
                .when(new UnlinkIntermediate("ch1", INST, "ana", "P3", "P1"))
                .expectException(rejected(409, "chain.link-has-feeders"));
    }

    @Test
    void unlinksOneOfTwoLinksOfAFedIntermediate() {
        fixture.given(DEFINED, linked("P3", "P1", "3"), linked("P5", "P1", "1"), linked("P3", "P5", "1"),
                        linked("P4", "P3", "1"))
                .when(new UnlinkIntermediate("ch1", INST, "ana", "P3", "P1"))
                .expectEvents(new IntermediateUnlinked(INST, "ana", "ch1", "P3", "P1"));
    }

    // --- RetireValueChain

    @Test
    void retiresAChain() {
        fixture.given(DEFINED)
                .when(new RetireValueChain("ch1", INST, "ana", "Plan estratégico 2027"))
                .expectEvents(new ValueChainRetired(INST, "ana", "ch1", "Plan estratégico 2027"));
    }

    @Test
    void refusesRetirementWithoutReason() {
        fixture.given(DEFINED)
                .when(new RetireValueChain("ch1", INST, "ana", ""))
                .expectException(rejected(400, "request.missing-parameter"));
    }

    @Test
    void aRetiredChainNoLongerChanges() {
        fixture.given(DEFINED, new ValueChainRetired(INST, "ana", "ch1", "obsoleta"))
                .when(link("P3", null, null))
                .expectException(rejected(409, "chain.retired"));
    }
}
