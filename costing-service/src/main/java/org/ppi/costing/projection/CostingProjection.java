package org.ppi.costing.projection;

import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.FigureStore;
import org.ppi.costing.figures.Recalculation;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.state.Change;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.LedgerFold;
import org.springframework.stereotype.Component;

/**
 * Costing's part of applying events: fold each into the institution's state, remembering what it touched; then,
 * once per batch and recording instant, recompute the figures that depend on all of it and store the changes (rows
 * and versions), each naming the last event folded before the settle as its cause.
 */
@Component
public class CostingProjection extends LedgerFold<InstitutionState, CostFigures> {
    private final Recalculator recalculator;
    private final FigureStore store;

    public CostingProjection(Ledgers ledgers, Recalculator recalculator, FigureStore store) {
        super(ledgers);
        this.recalculator = recalculator;
        this.store = store;
    }

    /** What a batch folded into one institution and its figures have not followed yet. */
    private record Pending(Change change, EventEnvelope last) {
    }

    @Override
    protected void fold(Ledgers.Ledger<InstitutionState, CostFigures> ledger, EventEnvelope event) {
        Change change;
        // a lineage query reads the same state from another thread (CostLineages), under this lock
        synchronized (ledger.state()) {
            change = ledger.state().apply(event);
        }
        if (change.isEmpty()) {
            return;
        }
        Pending pending = ledger.pending();
        ledger.pending(new Pending(pending == null ? change : pending.change().plus(change), event));
    }

    @Override
    protected void settle(Ledgers.Ledger<InstitutionState, CostFigures> ledger) {
        Pending pending = ledger.pending();
        Recalculation recalculation = recalculator.recalculate(ledger.state(), pending.change(), ledger.figures());
        store.write(ledger.state(), recalculation, recalculation.before(), pending.last());
        ledger.figures(recalculation.figures());
    }
}
