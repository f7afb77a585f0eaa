package org.ppi.valuechain.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.ppi.valuechain.directory.ValueChainDirectory.LinkEdge;

class LinkGraphTest {
    private final LinkGraph graph = new LinkGraph(List.of(new LinkEdge("P3", "P1"), new LinkEdge("P3", "P2"),
            new LinkEdge("P4", "P1"), new LinkEdge("P5", "P3"), new LinkEdge("P6", "P5")));

    @Test
    void followsLinksTransitively() {
        assertThat(graph.reaches("P6", "P1")).isTrue();
        assertThat(graph.reaches("P6", "P2")).isTrue();
        assertThat(graph.reaches("P5", "P4")).isFalse();
        assertThat(graph.reaches("P1", "P3")).isFalse();
    }

    @Test
    void aProductReachesItself() {
        assertThat(graph.reaches("P9", "P9")).isTrue();
    }
}
