package org.ppi.valuechain.plan;

import static org.ppi.valuechain.support.Rejections.rejected;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.valuechain.ImpactDefined;
import org.ppi.contracts.valuechain.ResultDefined;
import org.ppi.valuechain.plan.PlanCommands.DefineImpact;
import org.ppi.valuechain.plan.PlanCommands.DefineResult;
import org.ppi.valuechain.support.InMemoryDirectory;

class PlanAggregatesTest {
    private static final String INST = "inst-a";
    private static final String OTHER = "inst-b";

    private final InMemoryDirectory directory = new InMemoryDirectory().impact(INST, "im1").impact(OTHER, "im-other");
    private FixtureConfiguration<Impact> impacts;
    private FixtureConfiguration<Result> results;

    @BeforeEach
    void setUp() {
        impacts = new AggregateTestFixture<>(Impact.class);
        results = new AggregateTestFixture<>(Result.class);
        results.registerInjectableResource(directory);
    }

    @Test
    void definesAnImpact() {
        impacts.givenNoPriorActivity()
                .when(new DefineImpact("im1", INST, "ana", "Derechos protegidos", "desc", "% de quejas resueltas"))
                .expectEvents(new ImpactDefined(INST, "ana", "im1", "Derechos protegidos", "desc", "% de quejas resueltas"));
    }

    @Test
    void refusesAnImpactWithoutName() {
        impacts.givenNoPriorActivity()
                .when(new DefineImpact("im1", INST, "ana", " ", null, null))
                .expectException(rejected(400, "request.missing-parameter"));
    }

    @Test
    void definesAResultOfAnImpactOfTheInstitution() {
        results.givenNoPriorActivity()
                .when(new DefineResult("r1", INST, "ana", "im1", "Quejas atendidas", null, "tiempo medio"))
                .expectEvents(new ResultDefined(INST, "ana", "r1", "im1", "Quejas atendidas", null, "tiempo medio"));
    }

    @Test
    void refusesAResultOfAnUnknownImpact() {
        results.givenNoPriorActivity()
                .when(new DefineResult("r1", INST, "ana", "im-missing", "Quejas atendidas", null, null))
                .expectException(rejected(422, "impact.not-found"))
                .expectNoEvents();
    }

    @Test
    void refusesAResultOfAnotherInstitutionsImpact() {
        results.givenNoPriorActivity()
                .when(new DefineResult("r1", INST, "ana", "im-other", "Quejas atendidas", null, null))
                .expectException(rejected(422, "impact.not-found"));
    }
}
