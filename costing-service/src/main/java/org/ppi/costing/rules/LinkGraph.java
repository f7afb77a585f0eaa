package org.ppi.costing.rules;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;

/**
 * The links that carry cost, checked once: a topological order (or an {@link IllegalArgumentException}
 * naming the products on a cycle, because step-down allocation around a cycle would never end), and which
 * intermediates reach a terminal product.
 *
 * <p>Links that carry no cost are dropped, each for a reason: a supplier that is not an intermediate
 * product (a terminal product is delivered outside, it feeds nothing inside the institution); a supplier or
 * consumer missing from the snapshot (retired, merged); a weight that is not positive (no share). An
 * intermediate left with no outgoing link is a sink: its cost goes to central actions.
 */
public final class LinkGraph {

    /** One cost-carrying link. */
    public record Edge(String supplierProductId, String consumerProductId, Rational weight) {
    }

    private final Map<String, ProductInput> products;
    private final Map<String, List<Edge>> outgoing = new HashMap<>();
    private final Map<String, List<Edge>> incoming = new HashMap<>();
    private final Map<String, Rational> outWeight = new HashMap<>();
    /** The linked products (those with a cost-carrying link in or out), suppliers first. */
    private final List<String> linkedOrder;
    /** Every product, suppliers first: the linked ones after the others, built on first use. */
    private List<String> order;
    private final Map<String, Integer> position = new HashMap<>();
    private final Set<String> reachesTerminal = new HashSet<>();

    private LinkGraph(Map<String, ProductInput> products, List<LinkInput> links) {
        this.products = products;
        for (LinkInput link : links) {
            if (carriesCost(link)) {
                Edge edge = new Edge(link.supplierProductId(), link.consumerProductId(), link.weight());
                outgoing.computeIfAbsent(edge.supplierProductId(), k -> new ArrayList<>()).add(edge);
                incoming.computeIfAbsent(edge.consumerProductId(), k -> new ArrayList<>()).add(edge);
                outWeight.merge(edge.supplierProductId(), edge.weight(), Rational::plus);
            }
        }
        this.linkedOrder = topologicalOrder();
        for (int i = 0; i < linkedOrder.size(); i++) {
            position.put(linkedOrder.get(i), i);
        }
        for (int i = linkedOrder.size() - 1; i >= 0; i--) {
            String id = linkedOrder.get(i);
            for (Edge edge : outgoing(id)) {
                String consumer = edge.consumerProductId();
                if (isTerminal(consumer) || reachesTerminal.contains(consumer)) {
                    reachesTerminal.add(id);
                    break;
                }
            }
        }
    }

    public static LinkGraph of(Map<String, ProductInput> products, List<LinkInput> links) {
        return new LinkGraph(products, links);
    }

    private boolean carriesCost(LinkInput link) {
        ProductInput supplier = products.get(link.supplierProductId());
        return supplier != null
                && supplier.type() == ProductType.INTERMEDIATE
                && products.containsKey(link.consumerProductId())
                && link.weight().signum() > 0;
    }

    /**
     * Kahn's algorithm over the linked products' ids in sorted order, so the order (and every sum built on it) is
     * reproducible. A product with no cost-carrying link is settled on its own and can go anywhere: most products of
     * an institution are such, so they are left out, and a new graph (after a link or a product registered) costs
     * what its links cost to order, not what the institution's products do.
     */
    private List<String> topologicalOrder() {
        Set<String> linked = new TreeSet<>(outgoing.keySet());
        linked.addAll(incoming.keySet());
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : linked) {
            indegree.put(id, incoming(id).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        linked.stream().filter(id -> indegree.get(id) == 0).forEach(ready::add);
        List<String> result = new ArrayList<>(linked.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            result.add(id);
            for (Edge edge : outgoing(id)) {
                if (indegree.merge(edge.consumerProductId(), -1, Integer::sum) == 0) {
                    ready.add(edge.consumerProductId());
                }
            }
        }
        if (result.size() < linked.size()) {
            throw new IllegalArgumentException("intermediate product links form a cycle through "
                    + onCycles(linked, new HashSet<>(result)));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * What Kahn's algorithm could not order, minus what merely lies downstream of a cycle: repeatedly drop
     * products none of whose links stay inside the rest, so the message names the products to fix.
     */
    private Set<String> onCycles(Set<String> linked, Set<String> ordered) {
        Set<String> rest = new TreeSet<>(linked);
        rest.removeAll(ordered);
        boolean changed = true;
        while (changed) {
            changed = rest.removeIf(id -> outgoing(id).stream().noneMatch(e -> rest.contains(e.consumerProductId())));
        }
        return rest;
    }

    public List<Edge> outgoing(String productId) {
        return outgoing.getOrDefault(productId, List.of());
    }

    public List<Edge> incoming(String productId) {
        return incoming.getOrDefault(productId, List.of());
    }

    /** Σ weight of the supplier's cost-carrying links: the denominator of every share it gives. */
    public Rational outWeight(String supplierProductId) {
        return outWeight.getOrDefault(supplierProductId, Rational.ZERO);
    }

    /** Every product, suppliers before their consumers (the unlinked ones first, in id order). */
    public synchronized List<String> order() {
        if (order == null) {
            List<String> all = new ArrayList<>(products.size());
            new TreeSet<>(products.keySet()).stream().filter(id -> !position.containsKey(id)).forEach(all::add);
            all.addAll(linkedOrder);
            order = Collections.unmodifiableList(all);
        }
        return order;
    }

    public boolean isTerminal(String productId) {
        ProductInput p = products.get(productId);
        return p != null && p.type() == ProductType.TERMINAL;
    }

    /** An intermediate whose cost nobody consumes: it becomes central actions. */
    public boolean isSink(String productId) {
        return !isTerminal(productId) && outgoing(productId).isEmpty();
    }

    /** Terminal: always; intermediate: iff some path of links leads it to a terminal product. */
    public boolean attributed(String productId) {
        return isTerminal(productId) || reachesTerminal.contains(productId);
    }

    /**
     * The products this graph and an older one settle on different terms: a product added, gone or changed, or whose
     * incoming or outgoing cost-carrying links, total outgoing weight, sink or attribution differ. Every product whose
     * full cost may differ between the two is one of these or downstream of one (its inflows come from unchanged
     * suppliers along unchanged links otherwise), so settling downstream of them ({@link StepDownAllocation#resettle})
     * is enough. Only what a change can reach is compared: the products whose input changed ({@code changedProducts},
     * the caller's: every such product must be named), the ends of the links that differ, and upstream of those (an
     * attribution moves upstream: a supplier reaches a terminal through its consumer) — not the whole graph. The two
     * graphs must not share a product map that changed in between.
     */
    public Set<String> differencesFrom(LinkGraph older, java.util.Collection<String> changedProducts) {
        Set<String> candidates = new HashSet<>(changedProducts);
        Map<Edge, Integer> now = counted(edges());
        Map<Edge, Integer> before = counted(older.edges());
        endsOfLinksMissingIn(before, now, candidates);
        endsOfLinksMissingIn(now, before, candidates);
        Set<String> reach = new TreeSet<>();
        for (String id : candidates) {
            if (products.containsKey(id)) {
                reach.addAll(upstreamOf(id));
            }
            if (older.products.containsKey(id)) {
                reach.addAll(older.upstreamOf(id));
            }
            reach.add(id);
        }
        Set<String> different = new TreeSet<>();
        for (String id : reach) {
            if (!java.util.Objects.equals(products.get(id), older.products.get(id))
                    || !counted(incoming(id)).equals(counted(older.incoming(id)))
                    || !counted(outgoing(id)).equals(counted(older.outgoing(id)))
                    || !outWeight(id).equals(older.outWeight(id))
                    || isSink(id) != older.isSink(id) || attributed(id) != older.attributed(id)) {
                different.add(id);
            }
        }
        return different;
    }

    /** Adds the ends of each link {@code links} holds more often than {@code other} does. */
    private static void endsOfLinksMissingIn(Map<Edge, Integer> other, Map<Edge, Integer> links, Set<String> ends) {
        links.forEach((edge, count) -> {
            if (!count.equals(other.get(edge))) {
                ends.add(edge.supplierProductId());
                ends.add(edge.consumerProductId());
            }
        });
    }

    private List<Edge> edges() {
        List<Edge> all = new ArrayList<>();
        outgoing.values().forEach(all::addAll);
        return all;
    }

    /** Links as a multiset: two chains may each carry the same supplier → consumer link. */
    private static Map<Edge, Integer> counted(List<Edge> edges) {
        Map<Edge, Integer> counts = new HashMap<>();
        edges.forEach(e -> counts.merge(e, 1, Integer::sum));
        return counts;
    }

    /** The product and every product whose cost flows into it, in topological order. */
    public List<String> upstreamOf(String productId) {
        return closure(productId, true);
    }

    /** The product and every product its cost flows into, in topological order: what a change touches. */
    public List<String> downstreamOf(String productId) {
        return closure(productId, false);
    }

    /** These products and every product their costs flow into, in topological order. */
    public List<String> downstreamOf(java.util.Collection<String> productIds) {
        return closure(productIds, false);
    }

    private List<String> closure(String start, boolean up) {
        return closure(List.of(start), up);
    }

    private List<String> closure(java.util.Collection<String> starts, boolean up) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>(starts);
        while (!todo.isEmpty()) {
            String id = todo.poll();
            if (seen.add(id)) {
                for (Edge edge : up ? incoming(id) : outgoing(id)) {
                    todo.add(up ? edge.supplierProductId() : edge.consumerProductId());
                }
            }
        }
        List<String> result = new ArrayList<>(seen);
        result.sort((a, b) -> Integer.compare(position.getOrDefault(a, -1), position.getOrDefault(b, -1)));
        return result;
    }
}
