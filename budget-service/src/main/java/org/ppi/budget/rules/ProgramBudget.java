package org.ppi.budget.rules;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ppi.contracts.money.Rational;

/**
 * A program's budget line: Σ of its products' contributions, each kept (sorted by product id) so the figure
 * can be explained product by product. {@code budget} = {@code costShare} (its part of the measured cost,
 * inside the reconciliation) + {@code plannedBeyond} (what its planned volumes ask beyond current production).
 * {@code volumeGaps}, {@code missingCosts} and {@code centralProducts} list the products whose contribution
 * could not follow the rule fully.
 */
public record ProgramBudget(String programId, String code, String name, Rational budget, Rational costShare,
                            Rational plannedBeyond, SortedMap<String, ProductContribution> contributions) {

    public ProgramBudget {
        contributions = Collections.unmodifiableSortedMap(new TreeMap<>(contributions));
    }

    public SortedSet<String> volumeGaps() {
        return productsWith(ProductContribution.Basis.VOLUME_GAP);
    }

    public SortedSet<String> missingCosts() {
        return productsWith(ProductContribution.Basis.MISSING_COST);
    }

    /** Products the program lists that a central activity produces: central actions, not this program. */
    public SortedSet<String> centralProducts() {
        return productsWith(ProductContribution.Basis.CENTRAL);
    }

    private SortedSet<String> productsWith(ProductContribution.Basis basis) {
        TreeSet<String> result = new TreeSet<>();
        contributions.values().stream().filter(c -> c.basis() == basis).forEach(c -> result.add(c.productId()));
        return Collections.unmodifiableSortedSet(result);
    }

    public boolean scaledByPlannedVolume() {
        return contributions.values().stream()
                .anyMatch(c -> c.basis() == ProductContribution.Basis.PLANNED_VOLUME);
    }
}
