package org.ppi.budget.rules;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * Terminal products no program lists yet keep their own budget line at full cost: while the programmatic
 * structure is being built their cost must stay visible instead of vanishing from the total.
 */
public final class UnassignedTerminals {

    private UnassignedTerminals() {
    }

    public static SortedMap<String, Rational> of(BudgetInput input, Map<String, Integer> programsPerProduct) {
        SortedMap<String, Rational> result = new TreeMap<>();
        input.terminals().forEach((productId, cost) -> {
            if (!programsPerProduct.containsKey(productId)) {
                result.put(productId, cost.fullCost());
            }
        });
        return result;
    }
}
