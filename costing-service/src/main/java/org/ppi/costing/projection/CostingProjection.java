package org.ppi.costing.projection;

import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.FigureStore;
import org.ppi.costing.figures.Recalculation;
import org.ppi.costing.figures.Recalculator;
import org.ppi.platform.projection.EventLog;
import org.ppi.costing.state.Change;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.projection.ConsumerOffsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one consumed event: records it, folds it into the institution's state, recomputes the figures that
 * depend on it and stores the changes with their causing event — all in one transaction together with the
 * consumer offset, so that redelivery, a restart or a SIGKILL never applies an event twice or loses one.
 */
@Component
public class CostingProjection {
    private static final Logger log = LoggerFactory.getLogger(CostingProjection.class);

    private final TransactionTemplate tx;
    private final Inbox inbox;
    private final EventLog eventLog;
    private final ConsumerOffsets offsets;
    private final Ledgers ledgers;
    private final Recalculator recalculator;
    private final FigureStore store;

    public CostingProjection(TransactionTemplate tx, Inbox inbox, EventLog eventLog, ConsumerOffsets offsets,
                             Ledgers ledgers, Recalculator recalculator, FigureStore store) {
        this.tx = tx;
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.offsets = offsets;
        this.ledgers = ledgers;
        this.recalculator = recalculator;
        this.store = store;
    }

    /** Single writer: the three topic consumers take turns, so an institution's state is never folded concurrently. */
    public synchronized void apply(EventEnvelope event, int partition, long offset) {
        String institution = EventLog.institutionOf(event);
        try {
            tx.executeWithoutResult(status -> {
                offsets.advance(event.topic(), partition, offset);
                if (!inbox.firstDelivery(event)) {
                    log.debug("Skipping redelivered event {}", event.id());
                    return;
                }
                if (event.payload() == null || institution == null) {
                    log.warn("Event {} of type {} is not costed (unknown type or no institution)", event.id(), event.type());
                    if (event.payload() != null) {
                        eventLog.append(event);
                    }
                    return;
                }
                Ledgers.Ledger ledger = ledgers.get(institution);
                eventLog.append(event);
                Change change = ledger.state().apply(event);
                if (change.isEmpty()) {
                    return;
                }
                CostFigures before = ledger.figures();
                Recalculation recalculation = recalculator.recalculate(ledger.state(), change, before);
                store.write(ledger.state(), recalculation, before, event);
                ledger.figures(recalculation.figures());
            });
        } catch (RuntimeException e) {
            if (institution != null) {
                ledgers.evict(institution);
            }
            throw e;
        }
    }
}
