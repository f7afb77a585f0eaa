package org.ppi.platform.projection;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The live state and figures of each institution, in memory. Derived data only: built by the loader (from the
 * event log) when first needed — after a restart, a replay, a failed transaction, a change of partition owners, or
 * when another instance advanced the institution — and kept current by the projection, under its
 * {@link ProjectionTransaction}.
 *
 * @param <S> the folded state of one institution
 * @param <F> the figures last stored for it
 */
public class Ledgers<S, F> {
    private final Map<String, Ledger<S, F>> cache = new ConcurrentHashMap<>();
    private final Function<String, Ledger<S, F>> loader;

    public Ledgers(Function<String, Ledger<S, F>> loader) {
        this.loader = loader;
    }

    public Ledger<S, F> get(String institutionId) {
        return cache.computeIfAbsent(institutionId, loader);
    }

    /** The institutions whose ledgers are in memory now (on an instance among several: some of those it owns). */
    public java.util.Set<String> institutions() {
        return java.util.Set.copyOf(cache.keySet());
    }

    public void evict(String institutionId) {
        cache.remove(institutionId);
    }

    public void clear() {
        cache.clear();
    }

    /** One institution's state and the figures last stored for it. */
    public static final class Ledger<S, F> {
        /** The version of a ledger just loaded from the database, before a transaction stamps it. */
        public static final long UNSTAMPED = -1;
        private final S state;
        private F figures;
        private long version = UNSTAMPED;
        /** What was folded and not settled yet (the service's own record of it); null when nothing is pending. */
        private Object pending;

        public Ledger(S state, F figures) {
            this.state = state;
            this.figures = figures;
        }

        public S state() {
            return state;
        }

        public F figures() {
            return figures;
        }

        public void figures(F figures) {
            this.figures = figures;
        }

        /**
         * The institution's version ({@link InstitutionVersions}) this state is at: the one the transaction folding it
         * will commit, or {@link #UNSTAMPED} when it was just loaded.
         */
        public long version() {
            return version;
        }

        public void version(long version) {
            this.version = version;
        }

        @SuppressWarnings("unchecked")
        public <P> P pending() {
            return (P) pending;
        }

        public void pending(Object pending) {
            this.pending = pending;
        }
    }
}
