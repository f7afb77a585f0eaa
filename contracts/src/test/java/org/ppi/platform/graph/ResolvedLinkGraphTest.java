package org.ppi.platform.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.ppi.platform.graph.ResolvedLinkGraph.Edge;

class ResolvedLinkGraphTest {
    /** I1 → I2 → I3 → T. */
    private final ResolvedLinkGraph chain = ResolvedLinkGraph.of(
            List.of(new Edge("I1", "I2"), new Edge("I2", "I3"), new Edge("I3", "T")), Map.of());

    @Test
    void aChainHasNoCycle() {
        assertThat(chain.cycle()).isEmpty();
    }

    @Test
    void mergingTheLastIntermediateIntoTheFirstClosesACycle() {
        ResolvedLinkGraph merged = chain.withMerge("I3", "I1");

        List<Edge> cycle = merged.cycle().orElseThrow();

        assertThat(cycle).containsExactly(new Edge("I1", "I2"), new Edge("I2", "I3"));
        assertThat(merged.describe(cycle)).isEqualTo("I1 → I2 → I1");
    }

    @Test
    void mergingTheFirstIntoTheLastClosesTheSameCycleSeenFromTheOtherEnd() {
        ResolvedLinkGraph merged = chain.withMerge("I1", "I3");

        assertThat(merged.describe(merged.cycle().orElseThrow())).isEqualTo("I3 → I2 → I3");
    }

    @Test
    void mergingTwoNeighboursMakesALinkFromAProductToItself() {
        ResolvedLinkGraph merged = chain.withMerge("I2", "I1");

        assertThat(merged.cycle().orElseThrow()).containsExactly(new Edge("I1", "I2"));
    }

    @Test
    void mergingSideBranchesDoesNotCycle() {
        ResolvedLinkGraph graph = ResolvedLinkGraph.of(
                List.of(new Edge("A", "T"), new Edge("B", "T"), new Edge("C", "A")), Map.of());

        assertThat(graph.withMerge("B", "A").cycle()).isEmpty();
        assertThat(graph.withMerge("A", "C").cycle()).isNotEmpty();
    }

    @Test
    void aLinkToAMergedProductCountsForItsTarget() {
        ResolvedLinkGraph graph = ResolvedLinkGraph.of(List.of(new Edge("I1", "I2"), new Edge("I2", "T")),
                Map.of("OLD", "I1"));

        assertThat(graph.withLink("I2", "OLD").cycle()).isNotEmpty();
        assertThat(graph.withLink("OLD", "T").cycle()).isEmpty();
        assertThat(graph.resolve("OLD")).isEqualTo("I1");
    }

    @Test
    void followsMergesTransitivelyAndStopsOnACircleOfMerges() {
        ResolvedLinkGraph graph = ResolvedLinkGraph.of(List.of(), Map.of("A", "B", "B", "C"));

        assertThat(graph.resolve("A")).isEqualTo("C");
        assertThat(graph.mergesCircle("A")).isFalse();
        assertThat(graph.withMerge("C", "A").mergesCircle("A")).isTrue();
    }

    @Test
    void removingTheClosingEdgeSettlesTheGraph() {
        ResolvedLinkGraph merged = chain.withMerge("I3", "I1");
        Edge closing = merged.cycle().orElseThrow().get(1);

        assertThat(merged.without(closing).cycle()).isEmpty();
    }

    @Test
    void tellsWhetherOneRecordedLinkLiesOnACycle() {
        ResolvedLinkGraph merged = chain.withMerge("I3", "I1");

        assertThat(merged.closesCycle(new Edge("I2", "I3"))).isTrue();
        assertThat(merged.closesCycle(new Edge("I3", "T"))).isFalse();
        assertThat(chain.closesCycle(new Edge("I2", "I3"))).isFalse();
    }

    @Test
    void aLongChainIsWalkedWithoutRecursion() {
        List<Edge> edges = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            edges.add(new Edge("P" + i, "P" + (i + 1)));
        }
        ResolvedLinkGraph graph = ResolvedLinkGraph.of(edges, Map.of());

        assertThat(graph.cycle()).isEmpty();
        assertThat(graph.withLink("P20000", "P0").cycle().orElseThrow()).hasSize(20_001);
    }
}
