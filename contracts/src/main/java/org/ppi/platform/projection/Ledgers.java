package org.ppi.platform.projection;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The live state and figures of each institution, in memory. Derived data only: built by the loader (from the
 * event log) when first needed — after a restart, a replay, a failed transaction, a change of partition owners,
 * an eviction, or when another instance advanced the institution — and kept current by the projection, under its
 * {@link ProjectionTransaction}.
 *
 * <p>Bounded: past {@code capacity} institutions, the least recently used ones with nothing pending are dropped (a
 * national deployment does not keep every institution's state forever); one used again is loaded again. A ledger
 * with folded events not settled yet is never dropped, so no batch loses its work. Institutions differ in size by
 * hundreds of times (a Poder Judicial beside a municipal office), so a count alone does not bound the memory: when
 * an institution is loaded while the heap still in use after the last collection is past {@code heapShare} of the
 * maximum heap, the least recently used tenth of the idle ledgers goes too.
 *
 * @param <S> the folded state of one institution
 * @param <F> the figures last stored for it
 */
public class Ledgers<S, F> {
    /** Institutions kept in memory unless a service says otherwise ({@code ppi.projection.ledgers-in-memory}). */
    public static final int DEFAULT_CAPACITY = 2000;

    private final Map<String, Ledger<S, F>> cache = new ConcurrentHashMap<>();
    private final Function<String, Ledger<S, F>> loader;
    private final int capacity;
    private final AtomicLong clock = new AtomicLong();
    private final AtomicLong evictions = new AtomicLong();
    private final java.util.function.LongSupplier heapInUse;
    private final long heapLimit;

    /** Share of the maximum heap past which loading an institution drops idle ones ({@code ppi.projection.ledgers-heap-share}). */
    public static final double DEFAULT_HEAP_SHARE = 0.6;

    public Ledgers(Function<String, Ledger<S, F>> loader) {
        this(loader, DEFAULT_CAPACITY);
    }

    public Ledgers(Function<String, Ledger<S, F>> loader, int capacity) {
        this(loader, capacity, DEFAULT_HEAP_SHARE);
    }

    public Ledgers(Function<String, Ledger<S, F>> loader, int capacity, double heapShare) {
        this(loader, capacity, Ledgers::heapInUseAfterLastCollection,
                (long) (heapShare * Runtime.getRuntime().maxMemory()));
    }

    /** @param heapInUse bytes of heap in use (tests pass their own); {@code heapLimit} past which idle ledgers go */
    Ledgers(Function<String, Ledger<S, F>> loader, int capacity, java.util.function.LongSupplier heapInUse, long heapLimit) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1: " + capacity);
        }
        this.loader = loader;
        this.capacity = capacity;
        this.heapInUse = heapInUse;
        this.heapLimit = heapLimit;
    }

    public Ledger<S, F> get(String institutionId) {
        Ledger<S, F> ledger = cache.get(institutionId);
        if (ledger == null) {
            ledger = cache.computeIfAbsent(institutionId, loader);
            if (heapInUse.getAsLong() > heapLimit) {
                trim(institutionId, cache.size() - Math.max(1, cache.size() / 10));
            }
        }
        ledger.lastUsed = clock.incrementAndGet();
        if (cache.size() > capacity + Math.max(1, capacity / 10)) {
            trim(institutionId, capacity);
        }
        return ledger;
    }

    /**
     * What the heap held after the last collection of each pool (the live data, not the garbage since): the signal of
     * what the ledgers occupy, where the heap's current use would count garbage not collected yet.
     */
    private static long heapInUseAfterLastCollection() {
        long used = 0;
        for (java.lang.management.MemoryPoolMXBean pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                java.lang.management.MemoryUsage afterCollection = pool.getCollectionUsage();
                used += afterCollection != null ? afterCollection.getUsed() : pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Drops the least recently used ledgers with nothing pending down to {@code target} (never {@code keep}). */
    private synchronized void trim(String keep, int target) {
        int excess = cache.size() - target;
        if (excess <= 0) {
            return;
        }
        List<Map.Entry<String, Ledger<S, F>>> idle = new ArrayList<>();
        for (Map.Entry<String, Ledger<S, F>> entry : cache.entrySet()) {
            if (!entry.getKey().equals(keep) && entry.getValue().pending == null) {
                idle.add(entry);
            }
        }
        idle.sort(Comparator.comparingLong(e -> e.getValue().lastUsed));
        for (int i = 0; i < Math.min(excess, idle.size()); i++) {
            // only if it is still the same ledger and still idle
            Map.Entry<String, Ledger<S, F>> entry = idle.get(i);
            if (entry.getValue().pending == null && cache.remove(entry.getKey(), entry.getValue())) {
                evictions.incrementAndGet();
            }
        }
    }

    /** The institution's ledger if it is in memory, without loading it (a query must not race the projection's load). */
    public Ledger<S, F> peek(String institutionId) {
        return cache.get(institutionId);
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

    /** Institutions held in memory now. */
    public int size() {
        return cache.size();
    }

    /** Ledgers dropped for the capacity since the start. */
    public long evictions() {
        return evictions.get();
    }

    /** One institution's state and the figures last stored for it. */
    public static final class Ledger<S, F> {
        /** The version of a ledger just loaded from the database, before a transaction stamps it. */
        public static final long UNSTAMPED = -1;
        private final S state;
        private F figures;
        private long version = UNSTAMPED;
        /** What was folded and not settled yet (the service's own record of it); null when nothing is pending. */
        private volatile Object pending;
        private volatile long lastUsed;

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
