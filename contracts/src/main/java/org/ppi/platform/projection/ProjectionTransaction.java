package org.ppi.platform.projection;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Applies consumed events in one transaction together with their consumer offsets: records the offsets, skips a
 * redelivery (inbox), appends each event to the log, and lets the service fold it; then each institution the
 * events touched is settled once per recording instant (its figures recomputed and stored, see {@link Unsettled}).
 * A polled batch is one transaction, so a redelivery, a restart or a SIGKILL never applies an event twice or loses
 * one, and a replay recomputes an institution once per batch and instant instead of once per event. One writer per
 * institution: a batch holds the locks of
 * the institutions it carries (taken in id order, so two consumers never wait for each other crosswise), so an
 * institution's state is never folded concurrently while the service's topic consumers work on different
 * institutions side by side. Across the instances of a projection the database keeps it so: each transaction that
 * folds an institution advances its version row ({@link InstitutionVersions}) and holds that row's lock until it
 * ends, and an instance whose in-memory state is at an older version reloads it. A replay runs in the exclusive
 * section, when no batch is being applied.
 */
public class ProjectionTransaction {
    private static final Logger log = LoggerFactory.getLogger(ProjectionTransaction.class);

    private final CloudEventReader reader;
    private final TransactionTemplate tx;
    private final Inbox inbox;
    private final EventLog eventLog;
    private final ConsumerOffsets offsets;
    private final ParkedEvents parked;
    private final javax.sql.DataSource dataSource;
    private final BatchedWrites writes;
    private final InstitutionVersions versions;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** Consecutive failures of the batch starting at a record (topic-partition@offset). */
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    private final ProjectionMetrics metrics;
    private final Traces traces;

    public ProjectionTransaction(CloudEventReader reader, TransactionTemplate tx, Inbox inbox, EventLog eventLog,
                                 ConsumerOffsets offsets, ParkedEvents parked, javax.sql.DataSource dataSource,
                                 BatchedWrites writes) {
        this(reader, tx, inbox, eventLog, offsets, parked, dataSource, writes, ProjectionMetrics.none(), Traces.NONE);
    }

    public ProjectionTransaction(CloudEventReader reader, TransactionTemplate tx, Inbox inbox, EventLog eventLog,
                                 ConsumerOffsets offsets, ParkedEvents parked, javax.sql.DataSource dataSource,
                                 BatchedWrites writes, ProjectionMetrics metrics, Traces traces) {
        this.writes = writes;
        this.metrics = metrics;
        this.traces = traces;
        this.reader = reader;
        this.tx = tx;
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.offsets = offsets;
        this.parked = parked;
        this.dataSource = dataSource;
        this.versions = new InstitutionVersions(org.springframework.jdbc.core.simple.JdbcClient.create(dataSource));
    }

    /** A batch that failed this many times in a row is applied event by event, parking what cannot be applied. */
    static final int ATTEMPTS_BEFORE_PARKING = 3;

    /** The service's part: fold first-delivered events of an institution and settle its figures, inside the transaction. */
    public interface Fold {
        /**
         * Called before the event is logged, so a state loaded from the log does not contain it yet. {@code version}:
         * the institution's version this transaction will commit ({@link InstitutionVersions}, advanced once per
         * transaction, whose row lock it holds); a state kept at neither it nor the one before was advanced by
         * another writer of the database and must be reloaded.
         */
        void prepare(String institutionId, long version);

        /** Folds one event into the institution's state; what it changes is remembered until {@link #settle}. */
        void fold(String institutionId, EventEnvelope event);

        /** Recomputes and stores the figures of everything folded for the institution since it was last settled. */
        void settle(String institutionId);

        /** The transaction failed: forget in-memory state that may now be ahead of the database. */
        void forget(String institutionId);
    }

    /**
     * A polled batch in one transaction: every record's offset (the highest per partition), inbox row and log row,
     * each event folded, each touched institution settled once per recording instant. Any failure rolls all of it back and forgets
     * every institution the batch touched; the binder redelivers the whole batch.
     */
    public void acceptBatch(Message<List<byte[]>> batch, Fold fold) {
        applyAll(reader.readBatch(batch), fold);
    }

    public void applyAll(List<CloudEventReader.Delivery> polled, Fold fold) {
        Set<String> institutions = institutionsOf(polled);
        String head = polled.isEmpty() ? "" : headOf(polled.get(0));
        List<CloudEventReader.Delivery> deliveries = inRecordingOrder(polled);
        try {
            underLocksOf(institutions, () -> inBatchTransaction(deliveries, fold));
            failures.remove(head);
        } catch (RuntimeException failure) {
            int attempts = failures.merge(head, 1, Integer::sum);
            if (attempts < ATTEMPTS_BEFORE_PARKING) {
                throw failure;
            }
            failures.remove(head);
            log.warn("The batch from {} failed {} times ({}): applying it event by event, parking what cannot be applied",
                    head, attempts, failure.toString());
            underLocksOf(institutions, () -> inQuarantine(deliveries, fold));
        }
    }

    /**
     * The batch in the order its events were recorded, each partition's own order kept: a poll hands records over
     * partition by partition — all of one topic's, then another's — while an institution's history interleaves its
     * topics, so the partitions are merged by recording time (the earliest head first; equal instants in arrival
     * order). Folded so, as the event log replays them (an institution replay, an as-of fold, a ledger loaded again),
     * each recording instant is settled with exactly the events recorded up to it ({@link Unsettled}), whether the
     * poll was small (live) or large (a replay). A partition's own order is never changed: it is the order its producer
     * meant, and a projection's published events can go back in recording time (costing settles a late event from
     * another topic after later ones, and its figures, published last, carry the late event's instant): sorted, they
     * would be applied before the events they supersede, and a consumer (budget) would end on stale figures — what
     * the default-size bench found after faster replays moved the batch boundaries.
     */
    static List<CloudEventReader.Delivery> inRecordingOrder(List<CloudEventReader.Delivery> polled) {
        Map<String, java.util.ArrayDeque<Integer>> partitions = new LinkedHashMap<>();
        for (int i = 0; i < polled.size(); i++) {
            CloudEventReader.Delivery d = polled.get(i);
            partitions.computeIfAbsent(d.event().topic() + "-" + d.partition(), k -> new java.util.ArrayDeque<>()).add(i);
        }
        if (partitions.size() <= 1) {
            return new ArrayList<>(polled);
        }
        java.util.PriorityQueue<java.util.ArrayDeque<Integer>> heads = new java.util.PriorityQueue<>(
                java.util.Comparator.<java.util.ArrayDeque<Integer>, java.time.Instant>comparing(q -> recordedAt(polled.get(q.peek())))
                        .thenComparing(java.util.ArrayDeque::peek));
        heads.addAll(partitions.values());
        List<CloudEventReader.Delivery> ordered = new ArrayList<>(polled.size());
        while (!heads.isEmpty()) {
            java.util.ArrayDeque<Integer> head = heads.poll();
            ordered.add(polled.get(head.poll()));
            if (!head.isEmpty()) {
                heads.add(head);
            }
        }
        return ordered;
    }

    private static java.time.Instant recordedAt(CloudEventReader.Delivery d) {
        return d.event().recordedAt() == null ? java.time.Instant.EPOCH : d.event().recordedAt();
    }

    private static Set<String> institutionsOf(List<CloudEventReader.Delivery> deliveries) {
        Set<String> institutions = new TreeSet<>();
        for (CloudEventReader.Delivery d : deliveries) {
            String institution = EventLog.institutionOf(d.event());
            if (institution != null) {
                institutions.add(institution);
            }
        }
        return institutions;
    }

    private static String headOf(CloudEventReader.Delivery d) {
        return d.event().topic() + "-" + d.partition() + "@" + d.offset();
    }

    /**
     * Runs {@code work} with no batch being applied and none starting until it ends: what a replay needs to empty
     * and rebuild read models under the consumers' feet.
     */
    public <T> T exclusively(java.util.function.Supplier<T> work) {
        gate.writeLock().lock();
        try {
            return work.get();
        } finally {
            gate.writeLock().unlock();
        }
    }

    private void underLocksOf(Set<String> institutions, Runnable work) {
        gate.readLock().lock();
        List<ReentrantLock> held = new ArrayList<>(institutions.size());
        try {
            for (String institution : institutions) {
                ReentrantLock lock = locks.computeIfAbsent(institution, k -> new ReentrantLock());
                lock.lock();
                held.add(lock);
            }
            work.run();
        } finally {
            for (int i = held.size() - 1; i >= 0; i--) {
                held.get(i).unlock();
            }
            gate.readLock().unlock();
        }
    }

    /**
     * Tracing a batch: it holds events of many traces (one per command that recorded them). Each event is applied in
     * a span of its own trace (a child of the command's span, read from {@code ce_traceparent}); each institution is
     * settled once per batch and recording instant in a span of the trace of the last event that touched it — the
     * event its stored figures name as their cause — linked to the other traces of the batch that touched it, and
     * the settle's log line carries that trace id. One line per institution and batch (the settles before a later
     * instant log at debug), not per event, keeps a 500-event replay batch from writing 500 lines; the per-event
     * spans still reach the exporter when one is configured.
     */
    private void inBatchTransaction(List<CloudEventReader.Delivery> deliveries, Fold fold) {
        Unsettled<CloudEventReader.Delivery> touched = new Unsettled<>();
        List<CloudEventReader.Delivery> applied = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> writes.batching(() -> {
                advanceOffsets(deliveries);
                Set<String> first = inbox.firstDeliveries(deliveries.stream().map(CloudEventReader.Delivery::event).toList(), writes);
                Map<String, Optional<String>> blockers = new HashMap<>();
                Map<String, Long> claimed = new HashMap<>();
                for (CloudEventReader.Delivery d : deliveries) {
                    if (parkedBehind(d, blockers, first::remove)) {
                        continue;
                    }
                    if (!first.remove(d.event().id())) {
                        log.debug("Skipping redelivered event {}", d.event().id());
                        continue;
                    }
                    settleBefore(d.event(), touched, fold);
                    String institution = traces.continued(d.traceparent(), d.tracestate(), "ppi.projection.apply",
                            List.of(), () -> firstApplied(d.event(), fold, claimed));
                    if (institution != null) {
                        touched.folded(institution, d.event().recordedAt(), d);
                        applied.add(d);
                    }
                }
                // the log and inbox rows go before the settles, which may read the log
                writes.flush();
                touched.remaining().forEach((institution, events) -> settled(institution, events, fold, true));
                return null;
            }));
        } catch (RuntimeException e) {
            // every institution of the batch: one whose first event failed half-way is not among the touched ones, and
            // a ledger stamped with a version that was rolled back must not stay (see LedgerFold#prepare)
            institutionsOf(deliveries).forEach(fold::forget);
            throw e;
        }
        metrics.applied(applied, java.time.Instant.now());
    }

    /**
     * Settles the event's institution first when the event was recorded later than everything the batch folded for
     * it so far ({@link Unsettled}): one settle per distinct recording instant, so the figures and versions it stores
     * do not depend on where the batch boundaries fell. Its writes wait for the batch's (a settle reads neither the
     * log nor the rows this batch wrote; the figure versions of the batch are ordered when they are sent,
     * {@link FigureVersions}).
     */
    private void settleBefore(EventEnvelope event, Unsettled<CloudEventReader.Delivery> touched, Fold fold) {
        String institution = EventLog.institutionOf(event);
        if (institution == null || event.payload() == null) {
            return;
        }
        List<CloudEventReader.Delivery> due = touched.dueBefore(institution, event.recordedAt());
        if (!due.isEmpty()) {
            settled(institution, due, fold, false);
        }
    }

    /** Settles one institution in the trace of its last event of the batch, linked to the others, and says so. */
    private void settled(String institution, List<CloudEventReader.Delivery> events, Fold fold, boolean logged) {
        CloudEventReader.Delivery last = events.get(events.size() - 1);
        List<String> linked = events.stream().map(CloudEventReader.Delivery::traceparent).distinct().toList();
        traces.continued(last.traceparent(), last.tracestate(), "ppi.projection.settle", linked, () -> {
            fold.settle(institution);
            log.atLevel(logged ? org.slf4j.event.Level.INFO : org.slf4j.event.Level.DEBUG).log("{}: figures of institution {} settled from {} event(s), the last {} ({}, {})", metrics.projection(),
                    institution, events.size(), last.event().id(), last.event().name(), last.event().topic());
            return null;
        });
    }

    private record Partition(String topic, int number) {
    }

    private void advanceOffsets(List<CloudEventReader.Delivery> deliveries) {
        Map<Partition, Long> highest = new LinkedHashMap<>();
        for (CloudEventReader.Delivery d : deliveries) {
            highest.merge(new Partition(d.event().topic(), d.partition()), d.offset(), Math::max);
        }
        highest.forEach((p, offset) -> offsets.advance(p.topic(), p.number(), offset));
    }

    /**
     * An event of an institution with a parked event waits behind it (parked too, in arrival order), so the
     * institution's state never skips an event; an event of a type this version does not know is parked rather
     * than dropped. True when the event was parked (or was a redelivery of a parked one).
     */
    private boolean parkedBehind(CloudEventReader.Delivery d, Map<String, Optional<String>> blockers) {
        return parkedBehind(d, blockers, id -> inbox.firstDelivery(d.event()));
    }

    /** @param firstDelivery whether the event is seen for the first time (and, if so, remembered as seen) */
    private boolean parkedBehind(CloudEventReader.Delivery d, Map<String, Optional<String>> blockers,
                                 java.util.function.Predicate<String> firstDelivery) {
        EventEnvelope event = d.event();
        String institution = EventLog.institutionOf(event);
        Optional<String> blocker = institution == null ? Optional.empty()
                : blockers.computeIfAbsent(institution, parked::blockerOf);
        if (blocker.isEmpty() && event.payload() != null) {
            return false;
        }
        if (firstDelivery.test(event.id())) {
            if (blocker.isPresent()) {
                parked.park(d, institution, "waits behind parked event " + blocker.get(), blocker.get());
            } else {
                parked.park(d, institution, "unknown event type " + event.type(), null);
                if (institution != null) {
                    blockers.put(institution, Optional.of(event.id()));
                }
            }
        }
        return true;
    }

    /**
     * A batch that keeps failing, applied event by event in one transaction: each event inside a savepoint, settled
     * on its own; an event that fails is rolled back to its savepoint, parked with the reason, and its institution's
     * later events wait behind it. Every other institution's events apply; the offsets advance past all of them.
     */
    private void inQuarantine(List<CloudEventReader.Delivery> deliveries, Fold fold) {
        List<CloudEventReader.Delivery> applied = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> {
                advanceOffsets(deliveries);
                Map<String, Optional<String>> blockers = new HashMap<>();
                Map<String, Long> claimed = new HashMap<>();
                java.sql.Connection connection = org.springframework.jdbc.datasource.DataSourceUtils.getConnection(dataSource);
                for (CloudEventReader.Delivery d : deliveries) {
                    if (parkedBehind(d, blockers)) {
                        continue;
                    }
                    String institution = EventLog.institutionOf(d.event());
                    java.sql.Savepoint savepoint = savepoint(connection);
                    try {
                        if (traces.continued(d.traceparent(), d.tracestate(), "ppi.projection.apply", List.of(),
                                () -> logged(d.event(), fold, claimed)) != null) {
                            settled(institution, List.of(d), fold, true);
                            applied.add(d);
                        }
                        release(connection, savepoint);
                    } catch (RuntimeException failure) {
                        if (failure instanceof org.springframework.dao.TransientDataAccessException) {
                            throw failure; // a lock timeout or deadlock is no fault of the event: the batch is retried
                        }
                        rollback(connection, savepoint);
                        claimed.remove(institution);
                        fold.forget(institution);
                        inbox.firstDelivery(d.event());
                        parked.park(d, institution, failure.toString(), null);
                        blockers.put(institution, Optional.of(d.event().id()));
                        log.warn("Parked event {} of institution {}: {}", d.event().id(), institution, failure.toString());
                    }
                }
            });
        } catch (RuntimeException e) {
            // every institution of the batch: a ledger stamped with a version that was rolled back must not stay
            institutionsOf(deliveries).forEach(fold::forget);
            throw e;
        }
        metrics.applied(applied, java.time.Instant.now());
    }

    private static java.sql.Savepoint savepoint(java.sql.Connection connection) {
        try {
            return connection.setSavepoint();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot set a savepoint", e);
        }
    }

    private static void release(java.sql.Connection connection, java.sql.Savepoint savepoint) {
        try {
            connection.releaseSavepoint(savepoint);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot release a savepoint", e);
        }
    }

    private static void rollback(java.sql.Connection connection, java.sql.Savepoint savepoint) {
        try {
            connection.rollback(savepoint);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot roll back to a savepoint", e);
        }
    }

    /**
     * An operator's retry: the institution's parked events applied again in the order they arrived, in one
     * transaction, the institution settled once per recording instant ({@link Unsettled}); all or nothing (a failure
     * leaves them parked and says why).
     * Returns how many were applied.
     */
    public int retryParked(String institutionId, Fold fold, String user) {
        int[] applied = {0};
        underLocksOf(Set.of(institutionId), () -> {
            try {
                tx.executeWithoutResult(status -> {
                    fold.prepare(institutionId, versions.advance(institutionId));
                    Unsettled<EventEnvelope> pending = new Unsettled<>();
                    for (ParkedEvents.Opened open : parked.openEvents(institutionId)) {
                        EventEnvelope event = open.event();
                        if (event.payload() == null) {
                            throw new IllegalStateException("event " + event.id() + " is of a type this version does not know: "
                                    + event.type());
                        }
                        if (!pending.dueBefore(institutionId, event.recordedAt()).isEmpty()) {
                            fold.settle(institutionId);
                        }
                        eventLog.append(event);
                        fold.fold(institutionId, event);
                        pending.folded(institutionId, event.recordedAt(), event);
                        parked.resolve(open.id(), ParkedEvents.RETRIED, user, null);
                        applied[0]++;
                    }
                    fold.settle(institutionId);
                });
            } catch (RuntimeException e) {
                fold.forget(institutionId);
                throw e;
            }
        });
        return applied[0];
    }

    /** An operator's skip, with the reason recorded: the event is never applied; the ones behind it stay parked. */
    public void skipParked(ParkedEvents.Parked event, String user, String reason) {
        underLocksOf(event.institutionId() == null ? Set.of() : Set.of(event.institutionId()),
                () -> parked.resolve(event.id(), ParkedEvents.SKIPPED, user, reason));
    }

    /**
     * Inbox, log and fold of one event inside the caller's transaction; the institution folded, or null. The first
     * event of an institution in the transaction advances its version (and takes its row lock): {@code claimed}.
     */
    private String logged(EventEnvelope event, Fold fold, Map<String, Long> claimed) {
        if (!inbox.firstDelivery(event)) {
            log.debug("Skipping redelivered event {}", event.id());
            return null;
        }
        return firstApplied(event, fold, claimed);
    }

    /** Log and fold of an event seen for the first time; the institution folded, or null. */
    private String firstApplied(EventEnvelope event, Fold fold, Map<String, Long> claimed) {
        String institution = EventLog.institutionOf(event);
        if (event.payload() == null) {
            // only from the log itself (an institution replay): the consumers park unknown types before this
            log.warn("Event {} of type {} is of a type this version does not know: not projected", event.id(), event.type());
            return null;
        }
        if (institution == null) {
            log.warn("Event {} of type {} names no institution: logged, not projected", event.id(), event.type());
            eventLog.append(event);
            return null;
        }
        fold.prepare(institution, claimed.computeIfAbsent(institution, versions::advance));
        eventLog.append(event);
        fold.fold(institution, event);
        return institution;
    }


    /**
     * Applies logged events of one institution again like first deliveries (inbox, log, fold) without touching
     * the consumer offsets, inside the caller's transaction, and settles the institution once per recording instant
     * ({@link Unsettled}), as live delivery does: an institution replay rebuilds the same figure versions.
     */
    public void reapplyAll(List<EventEnvelope> events, Fold fold) {
        Unsettled<EventEnvelope> touched = new Unsettled<>();
        Map<String, Long> claimed = new HashMap<>();
        for (EventEnvelope event : events) {
            String institution = EventLog.institutionOf(event);
            if (institution != null && event.payload() != null && !touched.dueBefore(institution, event.recordedAt()).isEmpty()) {
                fold.settle(institution);
            }
            institution = logged(event, fold, claimed);
            if (institution != null) {
                touched.folded(institution, event.recordedAt(), event);
            }
        }
        writes.flush();
        touched.remaining().keySet().forEach(fold::settle);
    }
}
