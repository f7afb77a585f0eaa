package org.ppi.platform.projection;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Applies consumed events in one transaction together with their consumer offsets: records the offsets, skips a
 * redelivery (inbox), appends each event to the log, and lets the service fold it; then each institution the
 * events touched is settled once (its figures recomputed and stored). A polled batch is one transaction, so a
 * redelivery, a restart or a SIGKILL never applies an event twice or loses one, and a replay recomputes an
 * institution once per batch instead of once per event. Single writer: the service's topic consumers take turns,
 * so an institution's state is never folded concurrently (this object is also the replay lock).
 */
public class ProjectionTransaction {
    private static final Logger log = LoggerFactory.getLogger(ProjectionTransaction.class);

    private final CloudEventReader reader;
    private final TransactionTemplate tx;
    private final Inbox inbox;
    private final EventLog eventLog;
    private final ConsumerOffsets offsets;

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

    public void accept(Message<byte[]> message, Fold fold) {
        EventEnvelope event = reader.read(message);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        apply(event, partition == null ? 0 : partition, offset == null ? -1 : offset, fold);
    }

    /**
     * A polled batch in one transaction: every record's offset (the highest per partition), inbox row and log row,
     * each event folded, then each touched institution settled once. Any failure rolls all of it back and forgets
     * every institution the batch touched; the binder redelivers the whole batch.
     */
    public void acceptBatch(Message<List<byte[]>> batch, Fold fold) {
        applyAll(reader.readBatch(batch), fold);
    }

    public synchronized void applyAll(List<CloudEventReader.Delivery> deliveries, Fold fold) {
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

    public synchronized void apply(EventEnvelope event, int partition, long offset, Fold fold) {
        inTransaction(event, fold, () -> offsets.advance(event.topic(), partition, offset));
    }

    /**
     * Applies a logged event again exactly like a first delivery (inbox, log, fold) but without touching the
     * consumer offsets: the event was consumed long ago, only the figures are rebuilt. Joins the caller's
     * transaction when there is one (the institution replay applies all of an institution's events in one).
     */
    public synchronized void reapply(EventEnvelope event, Fold fold) {
        inTransaction(event, fold, () -> {
        });
    }

    /**
     * Applies logged events of one institution again like first deliveries (inbox, log, fold) without touching
     * the consumer offsets, inside the caller's transaction, and settles the institution once at the end: an
     * institution replay costs one recomputation, not one per event.
     */
    public synchronized void reapplyAll(List<EventEnvelope> events, Fold fold) {
        Set<String> touched = new LinkedHashSet<>();
        for (EventEnvelope event : events) {
            String institution = logged(event, fold);
            if (institution != null) {
                touched.add(institution);
            }
        }
        touched.forEach(fold::settle);
    }

    private void inTransaction(EventEnvelope event, Fold fold, Runnable first) {
        String institution = EventLog.institutionOf(event);
        try {
            tx.executeWithoutResult(status -> {
                first.run();
                if (logged(event, fold) != null) {
                    fold.settle(institution);
                }
            });
        } catch (RuntimeException e) {
            if (institution != null) {
                fold.forget(institution);
            }
            throw e;
        }
    }
}
