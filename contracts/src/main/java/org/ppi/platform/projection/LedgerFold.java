package org.ppi.platform.projection;

import org.ppi.platform.inbox.EventEnvelope;

/**
 * A projection's fold over its in-memory {@link Ledgers}: loads the institution's ledger before the event is
 * logged, forgets it when the transaction fails; the service only says what one event does to a ledger.
 */
public abstract class LedgerFold<S, F> implements ProjectionTransaction.Fold {
    private final Ledgers<S, F> ledgers;

    protected LedgerFold(Ledgers<S, F> ledgers) {
        this.ledgers = ledgers;
    }

    protected abstract void apply(Ledgers.Ledger<S, F> ledger, EventEnvelope event);

    @Override
    public final void prepare(String institutionId) {
        ledgers.get(institutionId);
    }

    @Override
    public final void apply(String institutionId, EventEnvelope event) {
        apply(ledgers.get(institutionId), event);
    }

    @Override
    public final void forget(String institutionId) {
        ledgers.evict(institutionId);
    }
}
