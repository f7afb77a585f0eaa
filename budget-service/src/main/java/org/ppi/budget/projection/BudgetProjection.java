package org.ppi.budget.projection;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.FigureStore;
import org.ppi.budget.state.BudgetState;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.LedgerFold;
import org.springframework.stereotype.Component;

/**
 * The budget's part of applying one event: fold it into the institution's state, recompute the budget of every
 * fiscal year in play and store what changed with its causing event.
 */
@Component
public class BudgetProjection extends LedgerFold<BudgetState, BudgetFigures> {
    private final FigureStore store;

    public BudgetProjection(Ledgers ledgers, FigureStore store) {
        super(ledgers);
        this.store = store;
    }

    @Override
    protected void apply(Ledgers.Ledger<BudgetState, BudgetFigures> ledger, EventEnvelope event) {
        if (!ledger.state().apply(event)) {
            return;
        }
        BudgetFigures now = BudgetFigures.of(ledger.state());
        store.write(ledger.state(), now, ledger.figures(), event);
        ledger.figures(now);
    }
}
