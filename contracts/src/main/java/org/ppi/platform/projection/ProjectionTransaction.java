package org.ppi.platform.projection;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
 * events touched is settled once (its figures recomputed and stored). A polled batch is one transaction, so a
 * redelivery, a restart or a SIGKILL never applies an event twice or loses one, and a replay recomputes an
 * institution once per batch instead of once per event. One writer per institution: a batch holds the locks of
 * the institutions it carries (taken in id order, so two consumers never wait for each other crosswise), so an
 * institution's state is never folded concurrently while the service's topic consumers work on different
 * institutions side by side. A replay runs in the exclusive section, when no batch is being applied.
 */
public class ProjectionTransaction {
    private static final Logger log = LoggerFactory.getLogger(ProjectionTransaction.class);

    private final CloudEventReader reader;
    private final TransactionTemplate tx;
    private final Inbox inbox;
    private final EventLog eventLog;
    private final ConsumerOffsets offsets;
    private final ReentrantReadWriteLock gate = new ReentrantReadWriteLock();
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

    public ProjectionTransaction(CloudEventReader reader, TransactionTemplate tx, Inbox inbox, EventLog eventLog,
                                 ConsumerOffsets offsets) {
        this.reader = reader;
        this.tx = tx;
        this.inbox = inbox;
        this.eventLog = eventLog;
        this.offsets = offsets;
    }

    /** The service's part: fold first-delivered events of an institution and settle its figures, inside the transaction. */
    public interface Fold {
        /** Called before the event is logged, so a state loaded from the log does not contain it yet. */
        void prepare(String institutionId);

        /** Folds one event into the institution's state; what it changes is remembered until {@link #settle}. */
        void fold(String institutionId, EventEnvelope event);

        /** Recomputes and stores the figures of everything folded for the institution since it was last settled. */
        void settle(String institutionId);

        /** The transaction failed: forget in-memory state that may now be ahead of the database. */
        void forget(String institutionId);

        default void apply(String institutionId, EventEnvelope event) {
            fold(institutionId, event);
            settle(institutionId);
        }
    }

    /**
     * A polled batch in one transaction: every record's offset (the highest per partition), inbox row and log row,
     * each event folded, then each touched institution settled once. Any failure rolls all of it back and forgets
     * every institution the batch touched; the binder redelivers the whole batch.
     */
    public void acceptBatch(Message<List<byte[]>> batch, Fold fold) {
        applyAll(reader.readBatch(batch), fold);
    }

    public void applyAll(List<CloudEventReader.Delivery> deliveries, Fold fold) {
        Set<String> institutions = new TreeSet<>();
        for (CloudEventReader.Delivery d : deliveries) {
            String institution = EventLog.institutionOf(d.event());
            if (institution != null) {
                institutions.add(institution);
            }
        }
        underLocksOf(institutions, () -> inBatchTransaction(deliveries, fold));
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

    private void inBatchTransaction(List<CloudEventReader.Delivery> deliveries, Fold fold) {
        Set<String> touched = new LinkedHashSet<>();
        try {
            tx.executeWithoutResult(status -> {
                Map<Partition, Long> highest = new LinkedHashMap<>();
                for (CloudEventReader.Delivery d : deliveries) {
                    highest.merge(new Partition(d.event().topic(), d.partition()), d.offset(), Math::max);
                }
                highest.forEach((p, offset) -> offsets.advance(p.topic(), p.number(), offset));
                for (CloudEventReader.Delivery d : deliveries) {
                    String institution = logged(d.event(), fold);
                    if (institution != null) {
                        touched.add(institution);
                    }
                }
                touched.forEach(fold::settle);
            });
        } catch (RuntimeException e) {
            touched.forEach(fold::forget);
            throw e;
        }
    }

    private record Partition(String topic, int number) {
    }

    /** Inbox, log and fold of one event inside the caller's transaction; the institution folded, or null. */
    private String logged(EventEnvelope event, Fold fold) {
        if (!inbox.firstDelivery(event)) {
            log.debug("Skipping redelivered event {}", event.id());
            return null;
        }
        String institution = EventLog.institutionOf(event);
        if (event.payload() == null || institution == null) {
            log.warn("Event {} of type {} is not projected (unknown type or no institution)", event.id(), event.type());
            if (event.payload() != null) {
                eventLog.append(event);
            }
            return null;
        }
        fold.prepare(institution);
        eventLog.append(event);
        fold.fold(institution, event);
        return institution;
    }


    /**
     * Applies logged events of one institution again like first deliveries (inbox, log, fold) without touching
     * the consumer offsets, inside the caller's transaction, and settles the institution once at the end: an
     * institution replay costs one recomputation, not one per event.
     */
    public void reapplyAll(List<EventEnvelope> events, Fold fold) {
        Set<String> touched = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            String institution = logged(event, fold);
            if (institution != null) {
                touched.add(institution);
            }
        }
        touched.forEach(fold::settle);
    }
}
