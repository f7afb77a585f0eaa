package org.ppi.costing.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;

/**
 * The outcome of one step-down allocation. {@code unattributed} holds the sinks (intermediates whose cost
 * nobody consumes) and what each sends to central actions; {@code centralActions} is their sum. When the
 * allocation was restricted to a product's upstream, only that subset is present.
 */
public record FullCosts(Map<String, FullCost> byProduct, Map<String, Rational> unattributed,
                        Rational centralActions) {
    public FullCosts {
        byProduct = Map.copyOf(byProduct);
        unattributed = Map.copyOf(unattributed);
    }

    public FullCost of(String productId) {
        FullCost cost = byProduct.get(productId);
        if (cost == null) {
            throw new IllegalArgumentException("no full cost computed for " + productId);
        }
        return cost;
    }
}
