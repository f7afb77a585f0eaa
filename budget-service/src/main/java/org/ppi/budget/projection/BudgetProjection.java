package org.ppi.budget.projection;

import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.FigureStore;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.projection.ConsumerOffsets;
import org.ppi.platform.projection.EventLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one consumed event: records it, folds it into the institution's state, recomputes the budget of
 * every fiscal year in play and stores what changed with its causing event — all in one transaction together
 * with the consumer offset, so that redelivery, a restart or a SIGKILL never applies an event twice or loses one.
 */
@Component
public class BudgetProjection {
    private static final Logger log = LoggerFactory.getLogger(BudgetProjection.class);

    private final TransactionTemplate tx;
    private final Inbox inbox;
    private final EventLog eventLog;
    private final ConsumerOffsets offsets;
    private final Ledgers ledgers;
    private final FigureStore store;
    private final FiscalClock clock;

    public BudgetProjection(TransactionTemplate tx, Inbox inbox, EventLog eventLog, ConsumerOffsets offsets,
                            Ledgers ledgers, FigureStore store, FiscalClock clock) {
        this.tx = tx;
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.offsets = offsets;
        this.ledgers = ledgers;
        this.store = store;
        this.clock = clock;
    }

    /** Single writer: the two topic consumers take turns, so an institution's state is never folded concurrently. */
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
                    log.warn("Event {} of type {} is not budgeted (unknown type or no institution)", event.id(), event.type());
                    if (event.payload() != null) {
                        eventLog.append(event);
                    }
                    return;
                }
                // Loaded before the event is logged, so that a first load does not fold it twice.
                Ledgers.Ledger ledger = ledgers.get(institution);
                eventLog.append(event);
                if (!ledger.state().apply(event)) {
                    return;
                }
                BudgetFigures now = BudgetFigures.of(ledger.state(), clock.currentYear());
                store.write(ledger.state(), now, ledger.figures(), event);
                ledger.figures(now);
            });
        } catch (RuntimeException e) {
            if (institution != null) {
                ledgers.evict(institution);
            }
            throw e;
        }
    }
}
