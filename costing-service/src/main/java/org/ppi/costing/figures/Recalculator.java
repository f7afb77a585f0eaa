package org.ppi.costing.figures;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.ppi.contracts.money.Rational;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.rules.CostingResult;
import org.ppi.costing.rules.CostingRules;
import org.ppi.costing.state.Change;
import org.ppi.costing.state.InstitutionState;

/**
 * Applies the rules after an event (or a batch of them). A change the figures can follow in place — allocations,
 * staffing, a center's non-labour, a product's volume, a validation, the link graph — goes through
 * {@link IncrementalUpdate}, whose work is proportional to what the change reaches (for the link graph: its nodes and
 * edges, no labour priced again); a change of the whole institution (method, standard week, fiscal year)
 * recomputes everything. Either way the figures equal a full computation's: a test
 * checks it after every event of random institutions.
 */
@org.springframework.stereotype.Component
public final class Recalculator {

    public Recalculation recalculate(InstitutionState state, Change change, CostFigures previous) {
        if (previous == null || previous.totals() == null || previous.index() == null || change.everything()) {
            CostFigures before = previous == null ? CostFigures.empty() : previous;
            return relabel(diff(full(state.toInput()), before), change);
        }
        return relabel(new IncrementalUpdate(state, change, previous).apply(), change);
    }

    /** Figures whose labels changed are rewritten too (their values are the same, so nothing is republished). */
    private static Recalculation relabel(Recalculation recalculation, Change change) {
        CostFigures now = recalculation.figures();
        CostFigures before = recalculation.before();
        if (change.validation() || change.everything()) {
            // a validation keeps the values but may change every figure's provisional mark; a new method, week or
            // fiscal year is shown on every figure even where its value stays (a one-person center costs the same
            // under both methods): every row is rewritten, and the institution's is published again
            for (String id : now.products().keySet()) {
                if (recalculation.changedProducts().add(id)) {
                    before.products().putIfAbsent(id, now.products().get(id));
                }
            }
            for (String id : now.employees().keySet()) {
                if (recalculation.changedEmployees().add(id)) {
                    before.employees().putIfAbsent(id, now.employees().get(id));
                }
            }
            for (String id : now.centers().keySet()) {
                if (recalculation.changedCenters().add(id)) {
                    before.centers().putIfAbsent(id, now.centers().get(id));
                }
            }
            recalculation = new Recalculation(now, recalculation.changedProducts(), recalculation.changedEmployees(),
                    recalculation.changedCenters(), true, before);
        }
        relabeled(change.relabeledProducts(), now.products(), recalculation.changedProducts(), before.products());
        relabeled(change.relabeledEmployees(), now.employees(), recalculation.changedEmployees(), before.employees());
        relabeled(change.relabeledCenters(), now.centers(), recalculation.changedCenters(), before.centers());
        return recalculation;
    }

    /** A relabeled figure is rewritten with the same value: its value before is its value now. */
    private static <T> void relabeled(Set<String> ids, Map<String, T> now, Set<String> changed, Map<String, T> before) {
        for (String id : ids) {
            if (now.containsKey(id) && changed.add(id)) {
                before.putIfAbsent(id, now.get(id));
            }
        }
    }

    /** Every figure from scratch: what as-of queries, the consistency checks and graph changes use. */
    public CostFigures full(CostingInput input) {
        CostingRules rules = CostingRules.prepare(input);
        CostingResult result = rules.compute();
        Map<String, Rational> directs = new TreeMap<>();
        result.products().forEach((id, p) -> directs.put(id, p.direct()));
        return CostFigures.counted(new TreeMap<>(result.products()), new TreeMap<>(result.employees()),
                new TreeMap<>(result.centers()), directs, result.totals(), rules.index());
    }

    private static Recalculation diff(CostFigures now, CostFigures before) {
        return new Recalculation(now, changed(now.products(), before.products()),
                changed(now.employees(), before.employees()), changed(now.centers(), before.centers()),
                !Objects.equals(now.totals(), before.totals()), before);
    }

    private static <T> Set<String> changed(Map<String, T> now, Map<String, T> before) {
        Set<String> keys = new LinkedHashSet<>();
        now.forEach((id, figure) -> {
            if (!figure.equals(before.get(id))) {
                keys.add(id);
            }
        });
        before.keySet().forEach(id -> {
            if (!now.containsKey(id)) {
                keys.add(id);
            }
        });
        return keys;
    }
}
