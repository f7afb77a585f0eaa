package org.ppi.budget.projection;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.state.BudgetState;
import org.springframework.stereotype.Component;

/** Each institution's budget state and figures, folded from the event log when first needed. */
@Component
public class Ledgers extends org.ppi.platform.projection.Ledgers<BudgetState, BudgetFigures> {

    public Ledgers(BudgetHistory history,
                   @org.springframework.beans.factory.annotation.Value("${ppi.projection.ledgers-in-memory:"
                           + org.ppi.platform.projection.Ledgers.DEFAULT_CAPACITY + "}") int capacity,
                   @org.springframework.beans.factory.annotation.Value("${ppi.projection.ledgers-heap-share:"
                           + org.ppi.platform.projection.Ledgers.DEFAULT_HEAP_SHARE + "}") double heapShare) {
        super(institutionId -> {
            BudgetState state = history.fold(institutionId, null);
            return new Ledger<>(state, state.isEmpty() ? BudgetFigures.empty() : BudgetFigures.of(state));
        }, capacity, heapShare);
    }
}
