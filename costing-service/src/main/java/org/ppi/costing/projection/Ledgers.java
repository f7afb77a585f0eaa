package org.ppi.costing.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.Recalculator;
import org.ppi.platform.projection.EventLog;
import org.ppi.costing.state.InstitutionState;
import org.springframework.stereotype.Component;

/**
 * The live state and exact figures of each institution, in memory. Derived data only: built from the event
 * log when first needed (after a restart, a replay or a failed transaction) and kept current by the projection.
 */
@Component
public class Ledgers {
    private final Map<String, Ledger> cache = new ConcurrentHashMap<>();
    private final EventLog log;
    private final Recalculator recalculator;

    public Ledgers(EventLog log, Recalculator recalculator) {
        this.log = log;
        this.recalculator = recalculator;
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
        InstitutionState state = new InstitutionState(institutionId);
        log.replay(institutionId, null, state::apply);
        return new Ledger(state, recalculator.full(state.toInput()));
    }

    /** One institution's state and figures; guarded by the projection's lock. */
    public static final class Ledger {
        private final InstitutionState state;
        private CostFigures figures;

        Ledger(InstitutionState state, CostFigures figures) {
            this.state = state;
            this.figures = figures;
        }

        public InstitutionState state() {
            return state;
        }

        public CostFigures figures() {
            return figures;
        }

        void figures(CostFigures figures) {
            this.figures = figures;
        }
    }
}
