package org.ppi.costing.rules;

import java.util.Map;
import org.ppi.contracts.money.Rational;

/**
 * A product's cost after step-down allocation. For a terminal product {@code fullCost} is what DOMAIN.md
 * calls its full cost; for an intermediate it is its loaded cost (direct plus what flowed into it), the
 * amount it passes on to its consumers — or to central actions when it is a {@code sink}.
 *
 * <p>{@code inflows} maps each immediate supplier to the amount it passed on, so fullCost = direct + Σ
 * inflows; to explain a supplier's amount, look at that supplier's own inflows (the chain is navigable
 * link by link rather than flattened, so every step can be checked against its weight).
 */
public record FullCost(String productId, Rational direct, Map<String, Rational> inflows, Rational fullCost,
                       boolean attributed, boolean sink) {
    public FullCost {
        inflows = Map.copyOf(inflows);
    }
}
