package org.ppi.platform.inbox;

import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A Spring Cloud Stream consumer that applies each CloudEvent once: inbox check and the handler's writes in
 * one transaction. A failing handler rolls both back and the binder redelivers.
 */
public final class InboxConsumer implements Consumer<Message<byte[]>> {
    private static final Logger log = LoggerFactory.getLogger(InboxConsumer.class);

    private final CloudEventReader reader;
    private final Inbox inbox;
    private final TransactionTemplate tx;
    private final Consumer<EventEnvelope> handler;

    public InboxConsumer(CloudEventReader reader, Inbox inbox, TransactionTemplate tx, Consumer<EventEnvelope> handler) {
        this.reader = reader;
        this.inbox = inbox;
        this.tx = tx;
        this.handler = handler;
    }

    @Override
    public void accept(Message<byte[]> message) {
        EventEnvelope event = reader.read(message);
        tx.executeWithoutResult(status -> {
            if (!inbox.firstDelivery(event)) {
                log.debug("Skipping redelivered event {}", event.id());
                return;
            }
            if (event.payload() == null) {
                log.warn("Event type {} ({}) is unknown to this version: recorded and skipped", event.type(), event.id());
                return;
            }
            handler.accept(event);
        });
    }
}
