package org.ppi.budget.state;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The events behind a budget figure: {@code events} are costing and value-chain events this service consumed
 * (its event log can show them, in recording order); {@code costing} names the costing figures they rest on, each
 * with the costing event budget read, the survey, catalog or value-chain event that caused it and the path of the
 * figure's own lineage — so an auditor walks from a program to its products' costs and from there to the
 * interviews, without the budget copying costing's ever-growing lists. Both are kept sorted and without
 * repetition, so that the same facts give the same lineage whatever order the topics delivered them in.
 */
public record BudgetLineage(List<String> events, List<CostingFigure> costing) {
    public BudgetLineage {
        events = canonical(events);
        costing = canonicalFigures(costing);
    }

    /**
     * A costing figure a budget figure rests on: its kind ({@code PRODUCT}, {@code INSTITUTION}) and id, the costing
     * event that published it, that event's cause and where the figure's lineage is paged.
     */
    public record CostingFigure(String figureKind, String figureId, String costingEventId, String causationEventId,
                                String lineageRef) {
        static final Comparator<CostingFigure> ORDER = Comparator.comparing(CostingFigure::figureKind)
                .thenComparing(CostingFigure::figureId);
    }

    private static List<String> canonical(List<String> ids) {
        if (ids == null) {
            return List.of();
        }
        TreeSet<String> sorted = new TreeSet<>();
        ids.stream().filter(Objects::nonNull).forEach(sorted::add);
        return List.copyOf(sorted);
    }

    private static List<CostingFigure> canonicalFigures(List<CostingFigure> figures) {
        if (figures == null) {
            return List.of();
        }
        TreeMap<CostingFigure, CostingFigure> sorted = new TreeMap<>(CostingFigure.ORDER);
        figures.stream().filter(Objects::nonNull).forEach(f -> sorted.put(f, f));
        return List.copyOf(sorted.values());
    }

    public static BudgetLineage empty() {
        return new BudgetLineage(List.of(), List.of());
    }
}
