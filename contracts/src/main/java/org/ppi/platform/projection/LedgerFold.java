package org.ppi.platform.projection;

import org.ppi.platform.inbox.EventEnvelope;

/**
 * A projection's fold over its in-memory {@link Ledgers}: loads the institution's ledger before the event is
 * logged, forgets it when the transaction fails; the service only says what one event does to a ledger's state
 * (remembering what it touched in the ledger's pending work) and how a ledger's figures are settled from it.
 */
public abstract class LedgerFold<S, F> implements ProjectionTransaction.Fold {
    private final Ledgers<S, F> ledgers;

    protected LedgerFold(Ledgers<S, F> ledgers) {
        this.ledgers = ledgers;
    }

    /** Folds the event into the ledger's state and records in its pending work what the figures must follow. */
    protected abstract void fold(Ledgers.Ledger<S, F> ledger, EventEnvelope event);

    /** Recomputes and stores the figures the pending work asks for, then clears it. */
    protected abstract void settle(Ledgers.Ledger<S, F> ledger);

    @Override
    public final void prepare(String institutionId) {
        ledgers.get(institutionId);
    }

    @Override
    public final void fold(String institutionId, EventEnvelope event) {
        fold(ledgers.get(institutionId), event);
    }

    @Override
    public final void settle(String institutionId) {
        Ledgers.Ledger<S, F> ledger = ledgers.get(institutionId);
        if (ledger.pending() != null) {
            settle(ledger);
            ledger.pending(null);
        }
    }

    @Override
    public final void forget(String institutionId) {
        ledgers.evict(institutionId);
    }
}
