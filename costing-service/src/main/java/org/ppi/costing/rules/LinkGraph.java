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
    private final List<String> order;
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
        this.order = topologicalOrder();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            String id = order.get(i);
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

    /** Kahn's algorithm over ids in sorted order, so the order (and every sum built on it) is reproducible. */
    private List<String> topologicalOrder() {
        Map<String, Integer> indegree = new HashMap<>();
        for (String id : products.keySet()) {
            indegree.put(id, incoming(id).size());
        }
        Deque<String> ready = new ArrayDeque<>();
        new TreeSet<>(products.keySet()).stream().filter(id -> indegree.get(id) == 0).forEach(ready::add);
        List<String> result = new ArrayList<>(products.size());
        while (!ready.isEmpty()) {
            String id = ready.poll();
            result.add(id);
            for (Edge edge : outgoing(id)) {
                if (indegree.merge(edge.consumerProductId(), -1, Integer::sum) == 0) {
                    ready.add(edge.consumerProductId());
                }
            }
        }
        if (result.size() < products.size()) {
            throw new IllegalArgumentException("intermediate product links form a cycle through "
                    + onCycles(new HashSet<>(result)));
        }
        return Collections.unmodifiableList(result);
    }

    /**
     * What Kahn's algorithm could not order, minus what merely lies downstream of a cycle: repeatedly drop
     * products none of whose links stay inside the rest, so the message names the products to fix.
     */
    private Set<String> onCycles(Set<String> ordered) {
        Set<String> rest = new TreeSet<>(products.keySet());
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

    /** Every product, suppliers before their consumers. */
    public List<String> order() {
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
