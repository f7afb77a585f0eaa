package org.ppi.valuechain.chain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.ppi.platform.graph.ResolvedLinkGraph;
import org.ppi.platform.graph.ResolvedLinkGraph.Edge;
import org.ppi.platform.relay.ActorCommandGateway;
import org.ppi.platform.web.Actor;
import org.ppi.valuechain.chain.ChainCommands.CutCycleLink;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.ppi.valuechain.directory.ValueChainDirectory.RecordedLink;
import org.ppi.valuechain.product.CatalogReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Where a cycle across services becomes visible. Links are recorded here and merges in catalog-service, each
 * checked against its replica of the other: a link refused here when its graph with the catalog's merges would
 * cycle, a merge refused in catalog when its graph with this service's links would. Two such writes accepted at
 * the same moment (neither event has reached the other service yet) could still close a cycle together; this
 * service sees both facts when the merge arrives on the catalog topic, so it checks again there, under the
 * same per-institution lock as a link ({@link ValueChainDirectory#lockLinkGraph}), and cuts the most recently
 * recorded link of each cycle (the one accepted without knowing the merge) with an IntermediateUnlinked, all in
 * the transaction that applies the merge. No cycle stays recorded, so costing settles every figure.
 */
@Component
public class CycleGuard implements CatalogReplica.MergeGuard {
    /** The acting user of a repair, as the audit trail shows it. */
    public static final String SYSTEM_USER = "system:cycle-guard";
    private static final Logger log = LoggerFactory.getLogger(CycleGuard.class);
    private static final int MAX_CUTS = 1000;

    private final ValueChainDirectory directory;
    private final ActorCommandGateway commands;

    CycleGuard(ValueChainDirectory directory, ActorCommandGateway commands) {
        this.directory = directory;
        this.commands = commands;
    }

    /** The institution's graph as costing reads it: active chains' links, merges followed. */
    static ResolvedLinkGraph graph(ValueChainDirectory directory, String institutionId) {
        List<Edge> edges = directory.recordedLinks(institutionId).stream()
                .map(l -> edge(l.chainId(), l.fromProductId(), l.toProductId())).toList();
        return ResolvedLinkGraph.of(edges, directory.mergedInto(institutionId));
    }

    static Edge edge(String chainId, String fromProductId, String toProductId) {
        return new Edge(fromProductId, toProductId, chainId);
    }

    @Override
    public void lock(String institutionId) {
        directory.lockLinkGraph(institutionId);
    }

    /**
     * Cuts links until the institution's graph has no cycle; the caller's transaction holds the graph lock
     * (taken again here: re-entrant, so the merge's replica row was written under it). Returns how many links were cut.
     */
    @Override
    public void repair(String institutionId) {
        cut(institutionId);
    }

    int cut(String institutionId) {
        directory.lockLinkGraph(institutionId);
        int cuts = 0;
        for (Optional<List<Edge>> cycle = graph(directory, institutionId).cycle(); cycle.isPresent() && cuts < MAX_CUTS;
             cycle = graph(directory, institutionId).cycle()) {
            Edge cut = latest(institutionId, cycle.get());
            log.warn("Institution {}: a merge closed the cycle {}; cutting link {} → {} of chain {}", institutionId,
                    graph(directory, institutionId).describe(cycle.get()), cut.fromProductId(), cut.toProductId(), cut.key());
            commands.send(new CutCycleLink(cut.key(), institutionId, SYSTEM_USER, cut.fromProductId(), cut.toProductId()),
                    new Actor(institutionId, SYSTEM_USER));
            cuts++;
        }
        return cuts;
    }

    /** The link recorded last (ties: by chain and ids, so every instance cuts the same one). */
    private Edge latest(String institutionId, List<Edge> cycle) {
        Map<Edge, RecordedLink> recorded = directory.recordedLinks(institutionId).stream().collect(Collectors.toMap(l -> edge(l.chainId(), l.fromProductId(), l.toProductId()),
                        Function.identity(), (a, b) -> a));
        return cycle.stream().max(Comparator
                        .comparing((Edge e) -> recorded.get(e).recordedAt())
                        .thenComparing(Edge::key).thenComparing(Edge::fromProductId).thenComparing(Edge::toProductId))
                .orElseThrow();
    }
}
