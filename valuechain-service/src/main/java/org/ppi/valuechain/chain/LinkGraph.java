package org.ppi.valuechain.chain;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ppi.valuechain.directory.ValueChainDirectory.LinkEdge;

/**
 * The institution's whole link graph (intermediate → product it feeds, across all chains). Full cost flows
 * along these edges, so a cycle would make an intermediate's cost feed itself.
 */
final class LinkGraph {
    private final Map<String, List<String>> feeds = new HashMap<>();

    LinkGraph(Collection<LinkEdge> edges) {
        for (LinkEdge edge : edges) {
            feeds.computeIfAbsent(edge.fromProductId(), k -> new java.util.ArrayList<>()).add(edge.toProductId());
        }
    }

    /** True when following links from {@code from} arrives at {@code to} (a product reaches itself). */
    boolean reaches(String from, String to) {
        Set<String> seen = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>();
        pending.push(from);
        while (!pending.isEmpty()) {
            String current = pending.pop();
            if (current.equals(to)) {
                return true;
            }
            if (seen.add(current)) {
                feeds.getOrDefault(current, List.of()).forEach(pending::push);
            }
        }
        return false;
    }
}
