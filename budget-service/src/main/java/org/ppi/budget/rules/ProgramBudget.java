package org.ppi.budget.rules;

import java.util.Collections;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ppi.contracts.money.Rational;

/**
 * A program's budget line: Σ of its products' contributions, each kept (sorted by product id) so the figure
 * can be explained product by product. {@code volumeGaps} and {@code missingCosts} list the products whose
 * contribution could not follow the rule fully.
 */
public record ProgramBudget(String programId, String code, String name, Rational budget,
                            SortedMap<String, ProductContribution> contributions) {

    public ProgramBudget {
        contributions = Collections.unmodifiableSortedMap(new TreeMap<>(contributions));
    }

    public SortedSet<String> volumeGaps() {
        TreeSet<String> result = new TreeSet<>();
        contributions.values().stream().filter(ProductContribution::volumeGap)
                .forEach(c -> result.add(c.productId()));
        return Collections.unmodifiableSortedSet(result);
    }

    public SortedSet<String> missingCosts() {
        TreeSet<String> result = new TreeSet<>();
        contributions.values().stream().filter(ProductContribution::missingCost)
                .forEach(c -> result.add(c.productId()));
        return Collections.unmodifiableSortedSet(result);
    }

    public boolean scaledByPlannedVolume() {
        return contributions.values().stream()
                .anyMatch(c -> c.basis() == ProductContribution.Basis.PLANNED_VOLUME);
    }
}
