package org.ppi.budget.projection;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.FigureStore;
import org.ppi.budget.state.BudgetState;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.LedgerFold;
import org.springframework.stereotype.Component;

/**
 * The budget's part of applying events: fold each into the institution's state; once per batch and recording
 * instant, recompute the budget of every fiscal year in play and store what changed (rows and versions), naming the
 * last event folded before the settle as its cause.
 */
@Component
public class BudgetProjection extends LedgerFold<BudgetState, BudgetFigures> {
    private final FigureStore store;

    public BudgetProjection(Ledgers ledgers, FigureStore store) {
        super(ledgers);
        this.store = store;
    }

    @Override
    protected void fold(Ledgers.Ledger<BudgetState, BudgetFigures> ledger, EventEnvelope event) {
        if (ledger.state().apply(event)) {
            ledger.pending(event);
        }
    }

    /** The pending work is the last event that changed the state: the budget is recomputed whole from the state. */
    @Override
    protected void settle(Ledgers.Ledger<BudgetState, BudgetFigures> ledger) {
        EventEnvelope cause = ledger.pending();
        BudgetFigures now = BudgetFigures.of(ledger.state());
        store.write(ledger.state(), now, ledger.figures(), cause);
        ledger.figures(now);
    }
}
