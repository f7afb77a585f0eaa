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
 * Costing's part of applying one event: fold it into the institution's state, recompute the figures that
 * depend on it and store the changes with their causing event.
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

    @Override
    protected void apply(Ledgers.Ledger<InstitutionState, CostFigures> ledger, EventEnvelope event) {
        Change change = ledger.state().apply(event);
        if (change.isEmpty()) {
            return;
        }
        CostFigures before = ledger.figures();
        Recalculation recalculation = recalculator.recalculate(ledger.state(), change, before);
        store.write(ledger.state(), recalculation, before, event);
        ledger.figures(recalculation.figures());
    }
}
