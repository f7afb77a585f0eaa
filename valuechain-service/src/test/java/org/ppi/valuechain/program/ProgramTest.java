package org.ppi.valuechain.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ppi.valuechain.support.Rejections.rejected;

import java.math.BigDecimal;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.valuechain.program.ProgramCommands.AssignChain;
import org.ppi.valuechain.program.ProgramCommands.DefineActivity;
import org.ppi.valuechain.program.ProgramCommands.DefineProgram;
import org.ppi.valuechain.program.ProgramCommands.ReviseProgram;
import org.ppi.valuechain.program.ProgramCommands.SetPlannedVolume;
import org.ppi.valuechain.program.ProgramCommands.UnassignChain;
import org.ppi.valuechain.support.InMemoryDirectory;

class ProgramTest {
    private static final String INST = "inst-a";
    private static final String OTHER = "inst-b";
    private static final ProgramDefined DEFINED = new ProgramDefined(INST, "ana", "pr1", "PR1", "Atención ciudadana",
            "Quejas resueltas a tiempo");
    private static final ChainAssignedToProgram ASSIGNED = new ChainAssignedToProgram(INST, "ana", "pr1", "ch1");

    private InMemoryDirectory directory;
    private FixtureConfiguration<Program> fixture;

    @BeforeEach
    void setUp() {
        directory = new InMemoryDirectory()
                .terminal(INST, "P1").terminal(INST, "P2").intermediate(INST, "P3")
                .product(INST, "P-retired", ProductType.TERMINAL, false)
                .terminal(OTHER, "X1")
                .chain(INST, "ch1", "P1", false).chain(INST, "ch2", "P2", false).chain(INST, "ch-old", "P1", true)
                .chain(OTHER, "ch-other", "X1", false)
                .program(INST, "pr1", "PR1").program(INST, "pr2", "PR2");
        fixture = new AggregateTestFixture<>(Program.class);
        fixture.registerInjectableResource(directory);
    }

    private static SetPlannedVolume volume(String productId, int year, String volume) {
        return new SetPlannedVolume("pr1", INST, "ana", productId, year, new BigDecimal(volume));
    }

    // --- DefineProgram / ReviseProgram

    @Test
    void definesAProgram() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgram("pr3", INST, "ana", " PR3 ", "Educación en derechos", null))
                .expectEvents(new ProgramDefined(INST, "ana", "pr3", "PR3", "Educación en derechos", null));
    }

    @Test
    void refusesADuplicateCodeInTheInstitution() {
        fixture.givenNoPriorActivity()
                .when(new DefineProgram("pr3", INST, "ana", "PR1", "Otro", null))
                .expectException(rejected(409, "program.code-taken"));
    }

    @Test
    void acceptsACodeUsedByAnotherInstitution() {
        directory.program(OTHER, "px", "PR9");
        fixture.givenNoPriorActivity()
                .when(new DefineProgram("pr9", INST, "ana", "PR9", "Nuevo", null))
                .expectEvents(new ProgramDefined(INST, "ana", "pr9", "PR9", "Nuevo", null));
    }

    @Test
    void revisesAProgramKeepingItsOwnCode() {
        fixture.given(DEFINED)
                .when(new ReviseProgram("pr1", INST, "ana", "PR1", "Atención al ciudadano", "Quejas resueltas"))
                .expectEvents(new ProgramRevised(INST, "ana", "pr1", "PR1", "Atención al ciudadano", "Quejas resueltas"));
    }

    @Test
    void refusesRevisingToAnotherProgramsCode() {
        fixture.given(DEFINED)
                .when(new ReviseProgram("pr1", INST, "ana", "PR2", "Atención ciudadana", null))
                .expectException(rejected(409, "program.code-taken"));
    }

    @Test
    void anUnchangedRevisionEmitsNothing() {
        fixture.given(DEFINED)
                .when(new ReviseProgram("pr1", INST, "ana", "PR1", "Atención ciudadana", "Quejas resueltas a tiempo"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anotherInstitutionsCommandTargetsItsOwnProgram() {
        // Its stream (OTHER~pr1) has no events: the repository answers 404 entity.not-found, and this program is
        // never loaded (ValueChainServiceIntegrationTest asks over HTTP).
        String mine = new ReviseProgram("pr1", INST, "ana", "PR1", "Propio", null).aggregateId();
        assertThat(mine).isEqualTo(ScopedId.of(INST, "pr1"));
        assertThat(new ReviseProgram("pr1", OTHER, "eve", "PR1", "Robado", null).aggregateId())
                .isEqualTo(OTHER + "~pr1");
        assertThat(new AssignChain("pr1", OTHER, "eve", "ch1").aggregateId()).isNotEqualTo(mine);
    }

    // --- DefineActivity

    @Test
    void definesAnActivityProducingAProduct() {
        fixture.given(DEFINED)
                .when(new DefineActivity("pr1", INST, "ana", "a1", "Atender quejas", ActivityKind.SPECIFIC, "P1"))
                .expectEvents(new ActivityDefined(INST, "ana", "pr1", "a1", "Atender quejas", ActivityKind.SPECIFIC, "P1"));
    }

    @Test
    void definesAnActivityWithoutProduct() {
        fixture.given(DEFINED)
                .when(new DefineActivity("pr1", INST, "ana", "a2", "Gestión", ActivityKind.CENTRAL, " "))
                .expectEvents(new ActivityDefined(INST, "ana", "pr1", "a2", "Gestión", ActivityKind.CENTRAL, null));
    }

    @Test
    void refusesAnActivityOfAnUnknownOrForeignProduct() {
        fixture.given(DEFINED)
                .when(new DefineActivity("pr1", INST, "ana", "a1", "Atender", ActivityKind.SPECIFIC, "X1"))
                .expectException(rejected(422, "product.unknown"));
    }

    @Test
    void refusesADuplicateActivity() {
        fixture.given(DEFINED, new ActivityDefined(INST, "ana", "pr1", "a1", "Atender quejas", ActivityKind.SPECIFIC, "P1"))
                .when(new DefineActivity("pr1", INST, "ana", "a1", "Otra", ActivityKind.COMMON, null))
                .expectException(rejected(409, "activity.already-defined"));
    }

    @Test
    void refusesAnActivityWithoutKind() {
        fixture.given(DEFINED)
                .when(new DefineActivity("pr1", INST, "ana", "a1", "Atender", null, null))
                .expectException(rejected(400, "request.missing-parameter"));
    }

    // --- AssignChain / UnassignChain

    @Test
    void assignsAChain() {
        fixture.given(DEFINED)
                .when(new AssignChain("pr1", INST, "ana", "ch1"))
                .expectEvents(ASSIGNED);
    }

    @Test
    void assigningTheSameChainAgainChangesNothing() {
        directory.chainInProgram(INST, "ch1", "pr1");
        fixture.given(DEFINED, ASSIGNED)
                .when(new AssignChain("pr1", INST, "ana", "ch1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAChainAlreadyInAnotherProgram() {
        directory.chainInProgram(INST, "ch2", "pr2");
        fixture.given(DEFINED)
                .when(new AssignChain("pr1", INST, "ana", "ch2"))
                .expectException(rejected(409, "program.chain-in-other-program"));
    }

    @Test
    void refusesAnUnknownOrForeignChain() {
        fixture.given(DEFINED)
                .when(new AssignChain("pr1", INST, "ana", "ch-other"))
                .expectException(rejected(404, "chain.not-found"));
    }

    @Test
    void refusesARetiredChain() {
        fixture.given(DEFINED)
                .when(new AssignChain("pr1", INST, "ana", "ch-old"))
                .expectException(rejected(409, "chain.retired"));
    }

    @Test
    void unassignsAChain() {
        fixture.given(DEFINED, ASSIGNED)
                .when(new UnassignChain("pr1", INST, "ana", "ch1"))
                .expectEvents(new ChainUnassignedFromProgram(INST, "ana", "pr1", "ch1"));
    }

    @Test
    void refusesUnassigningAChainTheProgramDoesNotHave() {
        fixture.given(DEFINED)
                .when(new UnassignChain("pr1", INST, "ana", "ch2"))
                .expectException(rejected(404, "program.chain-not-assigned"));
    }

    // --- SetPlannedVolume

    @Test
    void setsThePlannedVolumeOfADeliveredTerminal() {
        fixture.given(DEFINED, ASSIGNED)
                .when(volume("P1", 2026, "1500"))
                .expectEvents(new PlannedVolumeSet(INST, "ana", "pr1", "P1", 2026, new BigDecimal("1500")));
    }

    @Test
    void acceptsAZeroPlannedVolume() {
        fixture.given(DEFINED, ASSIGNED)
                .when(volume("P1", 2027, "0"))
                .expectEvents(new PlannedVolumeSet(INST, "ana", "pr1", "P1", 2027, BigDecimal.ZERO));
    }

    @Test
    void theSamePlannedVolumeAgainChangesNothing() {
        fixture.given(DEFINED, ASSIGNED, new PlannedVolumeSet(INST, "ana", "pr1", "P1", 2026, new BigDecimal("1500")))
                .when(volume("P1", 2026, "1500.0"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void refusesAVolumeForAProductTheProgramDoesNotDeliver() {
        fixture.given(DEFINED, ASSIGNED)
                .when(volume("P2", 2026, "10"))
                .expectException(rejected(422, "program.product-not-delivered"));
    }

    @Test
    void aCommonActivityMakesTheProgramDeliverItsTerminalProductButASpecificOneOrAnIntermediateDoesNot() {
        ActivityDefined common = new ActivityDefined(INST, "ana", "pr1", "a9", "Común", ActivityKind.COMMON, "P2");
        fixture.given(DEFINED, ASSIGNED, common)
                .when(volume("P2", 2026, "10"))
                .expectEvents(new PlannedVolumeSet(INST, "ana", "pr1", "P2", 2026, new BigDecimal("10")));
        fixture.given(DEFINED, ASSIGNED,
                        new ActivityDefined(INST, "ana", "pr1", "a9", "Específica", ActivityKind.SPECIFIC, "P2"))
                .when(volume("P2", 2026, "10"))
                .expectException(rejected(422, "program.product-not-delivered"));
        fixture.given(DEFINED, new ActivityDefined(INST, "ana", "pr1", "a9", "Común", ActivityKind.COMMON, "P3"))
                .when(volume("P3", 2026, "10"))
                .expectException(rejected(422, "program.product-not-delivered"));
    }

    @Test
    void refusesAVolumeForTheTerminalOfAnUnassignedChain() {
        fixture.given(DEFINED, ASSIGNED, new ChainUnassignedFromProgram(INST, "ana", "pr1", "ch1"))
                .when(volume("P1", 2026, "10"))
                .expectException(rejected(422, "program.product-not-delivered"));
    }

    @Test
    void refusesANegativePlannedVolume() {
        fixture.given(DEFINED, ASSIGNED)
                .when(volume("P1", 2026, "-1"))
                .expectException(rejected(400, "program.planned-volume-negative"));
    }

    @Test
    void refusesAFiscalYearOutOfRange() {
        fixture.given(DEFINED, ASSIGNED)
                .when(volume("P1", 26, "10"))
                .expectException(rejected(400, "program.fiscal-year"));
    }
}
