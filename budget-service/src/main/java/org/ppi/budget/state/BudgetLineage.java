package org.ppi.budget.state;

import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The events behind a budget figure: {@code events} are costing and value-chain events this service consumed
 * (its event log can show them, in recording order); {@code upstream} are the survey, catalog and value-chain
 * ids that the costing events named as their own lineage, so an auditor can walk from a program down to the
 * interviews. Both are kept sorted and without repetition, so that the same facts give the same lineage
 * whatever order the topics delivered them in.
 */
public record BudgetLineage(List<String> events, List<String> upstream) {
    public BudgetLineage {
        events = canonical(events);
        upstream = canonical(upstream);
    }

    private static List<String> canonical(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        ids.stream().filter(Objects::nonNull).forEach(sorted::add);
        return List.copyOf(sorted);
    }

    public static BudgetLineage empty() {
        return new BudgetLineage(List.of(), List.of());
    }

    /** Both lists in one, without repetition: what a published budget event carries as its lineage. */
    public List<String> all() {
        TreeSet<String> ids = new TreeSet<>(events);
        ids.addAll(upstream);
        return List.copyOf(ids);
    }
}
