package org.ppi.costing.projection;

import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.state.InstitutionState;
import org.springframework.stereotype.Component;

/** Each institution's costing state and exact figures, folded from the event log when first needed. */
@Component
public class Ledgers extends org.ppi.platform.projection.Ledgers<InstitutionState, CostFigures> {

    public Ledgers(InstitutionHistory history, Recalculator recalculator,
                   @org.springframework.beans.factory.annotation.Value("${ppi.projection.ledgers-in-memory:"
                           + org.ppi.platform.projection.Ledgers.DEFAULT_CAPACITY + "}") int capacity,
                   @org.springframework.beans.factory.annotation.Value("${ppi.projection.ledgers-heap-share:"
                           + org.ppi.platform.projection.Ledgers.DEFAULT_HEAP_SHARE + "}") double heapShare) {
        super(institutionId -> {
            InstitutionState state = history.fold(institutionId, null);
            return new Ledger<>(state, recalculator.full(state.toInput()));
        }, capacity, heapShare);
    }
}
