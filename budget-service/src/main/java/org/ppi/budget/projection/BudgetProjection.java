package org.ppi.budget.projection;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.FigureStore;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.ProjectionTransaction;
import org.springframework.stereotype.Component;

/**
 * The budget's part of applying one event (inside {@link ProjectionTransaction}): fold it into the
 * institution's state, recompute the budget of every fiscal year in play and store what changed with its
 * causing event.
 */
@Component
public class BudgetProjection implements ProjectionTransaction.Fold {
    private final Ledgers ledgers;
    private final FigureStore store;
    private final FiscalClock clock;

    public BudgetProjection(Ledgers ledgers, FigureStore store, FiscalClock clock) {
        this.ledgers = ledgers;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public void prepare(String institutionId) {
        ledgers.get(institutionId);
    }

    @Override
    public void apply(String institutionId, EventEnvelope event) {
        Ledgers.Ledger ledger = ledgers.get(institutionId);
        if (!ledger.state().apply(event)) {
            return;
        }
        BudgetFigures now = BudgetFigures.of(ledger.state(), clock.currentYear());
        store.write(ledger.state(), now, ledger.figures(), event);
        ledger.figures(now);
    }

    @Override
    public void forget(String institutionId) {
        ledgers.evict(institutionId);
    }
}
