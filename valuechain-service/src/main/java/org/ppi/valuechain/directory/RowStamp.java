package org.ppi.valuechain.directory;

import java.sql.Timestamp;

import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.PpiEvent;

/** Who and which event last changed a read-model row, and when (the event's recording time). */
public record RowStamp(String eventId, String user, Timestamp at) {
    public static RowStamp of(PpiEvent event, EventMessage<?> message) {
        return new RowStamp(message.getIdentifier(), event.actingUser(), Timestamp.from(message.getTimestamp()));
    }
}
