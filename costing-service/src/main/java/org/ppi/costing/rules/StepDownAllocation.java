package org.ppi.costing.rules;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.ppi.contracts.money.Rational;

/**
 * Full cost by step-down allocation: intermediates are settled in topological order; each one's loaded
 * cost, direct(i) + Σ inflows(i), is passed on to its consumers in proportion weight(i,x) / Σ_x' weight(i,x').
 * Processing suppliers first means a chain intermediate → intermediate → terminal is settled in one pass,
 * and with only intermediate → terminal links it is exactly DOMAIN.md's formula. The split of each loaded
 * cost sums back to it exactly (fractions), so step-down neither creates nor loses money: Σ terminal full
 * cost + Σ sinks = Σ direct cost, which is what makes the institution reconcile.
 */
public final class StepDownAllocation {

    private StepDownAllocation() {
    }

    /** Over every product of the graph. */
    public static FullCosts allocate(LinkGraph graph, Function<String, Rational> direct) {
        return allocate(graph, graph.order(), direct);
    }

    /** Full cost of one product: only its upstream is settled, so the cost is proportional to its chain. */
    public static FullCost of(LinkGraph graph, String productId, Function<String, Rational> direct) {
        return allocate(graph, graph.upstreamOf(productId), direct).of(productId);
    }

    /**
     * @param scope products to settle, suppliers before consumers, closed upstream (every supplier of a
     *              product in scope is in scope), so that each product in scope receives all its inflows
     */
    public static FullCosts allocate(LinkGraph graph, List<String> scope, Function<String, Rational> direct) {
        Set<String> inScope = new HashSet<>(scope);
        Map<String, Map<String, Rational>> inflows = new HashMap<>();
        Map<String, FullCost> result = new HashMap<>();
        Map<String, Rational> unattributed = new HashMap<>();
        Rational central = Rational.ZERO;
        for (String id : scope) {
            Map<String, Rational> received = inflows.getOrDefault(id, Map.of());
            Rational own = direct.apply(id);
            Rational loaded = own;
            for (Rational amount : received.values()) {
                loaded = loaded.plus(amount);
            }
            boolean sink = graph.isSink(id);
            if (sink) {
                unattributed.put(id, loaded);
                central = central.plus(loaded);
            } else if (!graph.outgoing(id).isEmpty()) {
                Rational perWeight = loaded.dividedBy(graph.outWeight(id));
                for (LinkGraph.Edge edge : graph.outgoing(id)) {
                    if (inScope.contains(edge.consumerProductId())) {
                        inflows.computeIfAbsent(edge.consumerProductId(), k -> new LinkedHashMap<>())
                                .merge(id, perWeight.times(edge.weight()), Rational::plus);
                    }
                }
            }
            result.put(id, new FullCost(id, own, received, loaded, graph.attributed(id), sink));
        }
        return new FullCosts(result, unattributed, central);
    }

    /**
     * Settles again only what a change of some products' direct costs reaches: those products and everything
     * downstream of them, suppliers first, each loaded cost recomputed from its own direct cost and the shares its
     * suppliers pass on (the same arithmetic as {@link #allocate}, so the figures equal a whole settlement's).
     *
     * @param settled the full cost each product had before (read for suppliers outside the change)
     * @return the new full cost of every product the change reached
     */
    public static Map<String, FullCost> resettle(LinkGraph graph, Collection<String> changed,
                                                 Function<String, Rational> direct, Function<String, FullCost> settled) {
        Map<String, FullCost> result = new LinkedHashMap<>();
        for (String id : graph.downstreamOf(changed)) {
            Map<String, Rational> received = new LinkedHashMap<>();
            for (LinkGraph.Edge edge : graph.incoming(id)) {
                String supplier = edge.supplierProductId();
                FullCost supplied = result.containsKey(supplier) ? result.get(supplier) : settled.apply(supplier);
                received.merge(supplier, supplied.fullCost().dividedBy(graph.outWeight(supplier)).times(edge.weight()),
                        Rational::plus);
            }
            Rational own = direct.apply(id);
            Rational loaded = own;
            for (Rational amount : received.values()) {
                loaded = loaded.plus(amount);
            }
            result.put(id, new FullCost(id, own, received, loaded, graph.attributed(id), graph.isSink(id)));
        }
        return result;
    }
}
