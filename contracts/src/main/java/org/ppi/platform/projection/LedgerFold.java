package org.ppi.platform.projection;

import org.ppi.platform.inbox.EventEnvelope;

/**
 * A projection's fold over its in-memory {@link Ledgers}: loads the institution's ledger before the event is
 * logged (again when the database's version of the institution shows that someone else advanced it), forgets it
 * when the transaction fails; the service only says what one event does to a ledger's state
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

    /**
     * A ledger at neither this version nor the one before it was advanced meanwhile by another writer of the shared
     * database (another instance, a retried parked event, an institution replay): it is reloaded from the event log.
     */
    @Override
    public final void prepare(String institutionId, long version) {
        Ledgers.Ledger<S, F> ledger = ledgers.get(institutionId);
        long held = ledger.version();
        if (held != Ledgers.Ledger.UNSTAMPED && held != version && held != version - 1) {
            ledgers.evict(institutionId);
            ledger = ledgers.get(institutionId);
        }
        ledger.version(version);
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

    /** The institutions whose ledgers are in memory now. */
    public java.util.Set<String> institutions() {
        return ledgers.institutions();
    }

    @Override
    public final void forget(String institutionId) {
        ledgers.evict(institutionId);
    }
}
