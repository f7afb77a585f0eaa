package org.ppi.budget.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.state.BudgetState;
import org.springframework.stereotype.Component;

/**
 * The live state and budget figures of each institution, in memory. Derived data only: built from the event
 * log when first needed (after a restart, a replay or a failed transaction) and kept current by the projection.
 */
@Component
public class Ledgers {
    private final Map<String, Ledger> cache = new ConcurrentHashMap<>();
    private final BudgetHistory history;
    private final FiscalClock clock;

    public Ledgers(BudgetHistory history, FiscalClock clock) {
        this.history = history;
        this.clock = clock;
    }

    public Ledger get(String institutionId) {
        return cache.computeIfAbsent(institutionId, this::load);
    }

    public void evict(String institutionId) {
        cache.remove(institutionId);
    }

    public void clear() {
        cache.clear();
    }

    private Ledger load(String institutionId) {
        BudgetState state = history.fold(institutionId, null);
        return new Ledger(state, state.isEmpty() ? BudgetFigures.empty() : BudgetFigures.of(state, clock.currentYear()));
    }

    /** One institution's state and the figures last stored for it; guarded by the projection's lock. */
    public static final class Ledger {
        private final BudgetState state;
        private BudgetFigures figures;

        Ledger(BudgetState state, BudgetFigures figures) {
            this.state = state;
            this.figures = figures;
        }

        public BudgetState state() {
            return state;
        }

        public BudgetFigures figures() {
            return figures;
        }

        void figures(BudgetFigures figures) {
            this.figures = figures;
        }
    }
}
