package org.ppi.platform.relay;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.ppi.platform.web.DomainRejection;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses, before it is appended, an event the topic would not accept: its JSON body plus what the CloudEvent
 * headers and the record add (a fixed allowance of {@value #ENVELOPE_BYTES} bytes plus the metadata) must fit
 * in the topic's limit ({@link TopicLimit#bytes()}). Registered on the event bus, so it runs inside the command's unit of work: the
 * command answers 413 {@code event.too-large} and nothing is stored.
 */
public class EventSizeLimit implements MessageDispatchInterceptor<EventMessage<?>> {
    static final int ENVELOPE_BYTES = 2048;

    private final JsonMapper json;
    private final IntSupplier limit;

    public EventSizeLimit(JsonMapper json, IntSupplier limit) {
        this.json = json;
        this.limit = limit;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> {
            int size = sizeOf(message);
            int max = limit.getAsInt();
            if (size > max) {
                throw new DomainRejection(413, "event.too-large", null, size, max);
            }
            return message;
        };
    }

    int sizeOf(EventMessage<?> message) {
        int size = json.writeValueAsBytes(message.getPayload()).length + ENVELOPE_BYTES;
        for (Map.Entry<String, ?> entry : message.getMetaData().entrySet()) {
            size += entry.getKey().length() + String.valueOf(entry.getValue()).getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
