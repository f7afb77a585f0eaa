package org.ppi.platform.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An institution's link graph (intermediate → product it feeds, across all active chains) read the way costing
 * reads it: a link to or from a merged product counts for the product it was merged into (followed
 * transitively). Full cost flows along these edges, so a cycle here is a figure costing cannot settle.
 * Catalog (before a merge) and value chain (before a link, and when a merge arrives) ask the same question here.
 */
public final class ResolvedLinkGraph {
    /** A recorded link; {@code key} lets the caller find its own row again (null when not needed). */
    public record Edge(String fromProductId, String toProductId, String key) {
        public Edge(String fromProductId, String toProductId) {
            this(fromProductId, toProductId, null);
        }
    }

    private final List<Edge> edges;
    private final Map<String, String> mergedInto;

    private ResolvedLinkGraph(List<Edge> edges, Map<String, String> mergedInto) {
        this.edges = edges;
        this.mergedInto = mergedInto;
    }

    /** {@code mergedInto}: merged product → the product it was merged into. */
    public static ResolvedLinkGraph of(Collection<Edge> edges, Map<String, String> mergedInto) {
        return new ResolvedLinkGraph(List.copyOf(edges), Map.copyOf(mergedInto));
    }

    public ResolvedLinkGraph withLink(String fromProductId, String toProductId) {
        List<Edge> more = new ArrayList<>(edges);
        more.add(new Edge(fromProductId, toProductId));
        return new ResolvedLinkGraph(more, mergedInto);
    }

    public ResolvedLinkGraph withMerge(String sourceProductId, String targetProductId) {
        Map<String, String> more = new HashMap<>(mergedInto);
        more.put(sourceProductId, targetProductId);
        return new ResolvedLinkGraph(edges, more);
    }

    public ResolvedLinkGraph without(Edge edge) {
        List<Edge> fewer = new ArrayList<>(edges);
        fewer.remove(edge);
        return new ResolvedLinkGraph(fewer, mergedInto);
    }

    /** The product a link to {@code productId} counts for; a circle of merges resolves to where it closes. */
    public String resolve(String productId) {
        String current = productId;
        Set<String> seen = new HashSet<>();
        while (mergedInto.containsKey(current) && seen.add(current)) {
            current = mergedInto.get(current);
        }
        return current;
    }

    /** True when the merges themselves go round (a merged into b merged into … a). */
    public boolean mergesCircle(String productId) {
        String current = productId;
        Set<String> seen = new HashSet<>();
        while (mergedInto.containsKey(current)) {
            if (!seen.add(current)) {
                return true;
            }
            current = mergedInto.get(current);
        }
        return false;
    }

    /**
     * One cycle of the resolved graph, as the recorded edges that form it in order (the first edge's resolved
     * start is the last edge's resolved end), or empty when costing can settle every product. A link whose two
     * ends resolve to the same product is a cycle of one edge.
     */
    public Optional<List<Edge>> cycle() {
        Map<String, List<Edge>> out = new LinkedHashMap<>();
        for (Edge edge : edges) {
            out.computeIfAbsent(resolve(edge.fromProductId()), k -> new ArrayList<>()).add(edge);
        }
        Map<String, Integer> state = new HashMap<>(); // absent: unseen, 1: on the current path, 2: done
        for (String start : out.keySet()) {
            if (!state.containsKey(start)) {
                List<Edge> path = new ArrayList<>();
                Optional<List<Edge>> found = visit(start, out, state, path);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    /** Iterative depth-first search (a long chain must not overflow the stack). */
    private Optional<List<Edge>> visit(String start, Map<String, List<Edge>> out, Map<String, Integer> state,
                                       List<Edge> path) {
        List<String> nodes = new ArrayList<>();
        List<Integer> next = new ArrayList<>();
        nodes.add(start);
        next.add(0);
        state.put(start, 1);
        while (!nodes.isEmpty()) {
            int top = nodes.size() - 1;
            String node = nodes.get(top);
            List<Edge> leaving = out.getOrDefault(node, List.of());
            int i = next.get(top);
            if (i >= leaving.size()) {
                state.put(node, 2);
                nodes.remove(top);
                next.remove(top);
                if (!path.isEmpty()) {
                    path.remove(path.size() - 1);
                }
                continue;
            }
            next.set(top, i + 1);
            Edge edge = leaving.get(i);
            String to = resolve(edge.toProductId());
            Integer seen = state.get(to);
            if (seen == null) {
                path.add(edge);
                nodes.add(to);
                next.add(0);
                state.put(to, 1);
            } else if (seen == 1) {
                List<Edge> cycle = new ArrayList<>();
                int from = nodes.indexOf(to);
                cycle.addAll(path.subList(from, path.size()));
                cycle.add(edge);
                return Optional.of(List.copyOf(cycle));
            }
        }
        return Optional.empty();
    }

    /**
     * True when this recorded link lies on a cycle: its ends resolve to one product, or the rest of the graph
     * leads from where it arrives back to where it starts.
     */
    public boolean closesCycle(Edge edge) {
        String from = resolve(edge.fromProductId());
        String to = resolve(edge.toProductId());
        if (from.equals(to)) {
            return true;
        }
        ResolvedLinkGraph rest = without(edge);
        Map<String, List<String>> out = new HashMap<>();
        for (Edge e : rest.edges) {
            out.computeIfAbsent(resolve(e.fromProductId()), k -> new ArrayList<>()).add(resolve(e.toProductId()));
        }
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(List.of(to));
        while (!pending.isEmpty()) {
            String current = pending.remove(pending.size() - 1);
            if (current.equals(from)) {
                return true;
            }
            if (seen.add(current)) {
                pending.addAll(out.getOrDefault(current, List.of()));
            }
        }
        return false;
    }

    /** The cycle's products as costing sees them, e.g. "I1 → I2 → I1", for a message. */
    public String describe(List<Edge> cycle) {
        StringBuilder text = new StringBuilder(resolve(cycle.get(0).fromProductId()));
        for (Edge edge : cycle) {
            text.append(" → ").append(resolve(edge.toProductId()));
        }
        return text.toString();
    }
}
