package org.ppi.budget.rules;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ppi.contracts.money.Rational;

/**
 * A program of the programmatic structure: the terminal products it delivers and, for the fiscal year, the
 * volume it plans to deliver of some of them. A missing (or null) planned volume means "not planned": the
 * program is budgeted at the product's cost as measured. A negative planned volume is rejected: it has no
 * meaning and would silently lower the budget.
 */
public record ProgramInput(String code, String name, Set<String> terminalProductIds,
                           Map<String, Rational> plannedVolume) {
    public ProgramInput {
        terminalProductIds = terminalProductIds == null ? Set.of() : Set.copyOf(terminalProductIds);
        Map<String, Rational> planned = new HashMap<>();
        if (plannedVolume != null) {
            plannedVolume.forEach((productId, volume) -> {
                if (volume != null) {
                    if (volume.signum() < 0) {
                        throw new IllegalArgumentException("negative planned volume for " + productId);
                    }
                    planned.put(Objects.requireNonNull(productId, "productId"), volume);
                }
            });
        }
        plannedVolume = Map.copyOf(planned);
    }

    public ProgramInput(String code, String name, Set<String> terminalProductIds) {
        this(code, name, terminalProductIds, Map.of());
    }
}
