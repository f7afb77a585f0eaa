package org.ppi.budget.rules;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.ppi.contracts.money.Rational;

/**
 * The cost of terminal production no program takes keeps its own budget line: products no program lists yet
 * (while the programmatic structure is being built), and the part of a listed product that planned volumes
 * and recorded shares leave to nobody. Their cost must stay visible instead of vanishing from the total.
 */
public final class UnassignedTerminals {

    private UnassignedTerminals() {
    }

    public static SortedMap<String, Rational> of(Map<String, ProductDivision> divisions) {
        SortedMap<String, Rational> result = new TreeMap<>();
        divisions.forEach((productId, division) -> {
            if (!division.unassigned().isZero()) {
                result.put(productId, division.unassigned());
            }
        });
        return result;
    }
}
