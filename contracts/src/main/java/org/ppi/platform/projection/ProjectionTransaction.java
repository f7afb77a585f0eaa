package org.ppi.platform.projection;

import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies one consumed event in one transaction together with its consumer offset: records the offset, skips
 * a redelivery (inbox), appends the event to the log, and lets the service fold it. So a redelivery, a restart
 * or a SIGKILL never applies an event twice or loses one. Single writer: the service's topic consumers take
 * turns, so an institution's state is never folded concurrently (this object is also the replay lock).
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

    /** The service's part: fold a first-delivered event of an institution, inside the transaction. */
    public interface Fold {
        /** Called before the event is logged, so a state loaded from the log does not contain it yet. */
        void prepare(String institutionId);

        void apply(String institutionId, EventEnvelope event);

        /** The transaction failed: forget in-memory state that may now be ahead of the database. */
        void forget(String institutionId);
    }

    public void accept(Message<byte[]> message, Fold fold) {
        EventEnvelope event = reader.read(message);
        Integer partition = message.getHeaders().get(KafkaHeaders.RECEIVED_PARTITION, Integer.class);
        Long offset = message.getHeaders().get(KafkaHeaders.OFFSET, Long.class);
        apply(event, partition == null ? 0 : partition, offset == null ? -1 : offset, fold);
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

    private void inTransaction(EventEnvelope event, Fold fold, Runnable first) {
        String institution = EventLog.institutionOf(event);
        try {
            tx.executeWithoutResult(status -> {
                first.run();
                if (!inbox.firstDelivery(event)) {
                    log.debug("Skipping redelivered event {}", event.id());
                    return;
                }
                if (event.payload() == null || institution == null) {
                    log.warn("Event {} of type {} is not projected (unknown type or no institution)", event.id(), event.type());
                    if (event.payload() != null) {
                        eventLog.append(event);
                    }
                    return;
                }
                fold.prepare(institution);
                eventLog.append(event);
                fold.apply(institution, event);
            });
        } catch (RuntimeException e) {
            if (institution != null) {
                fold.forget(institution);
            }
            throw e;
        }
    }
}
