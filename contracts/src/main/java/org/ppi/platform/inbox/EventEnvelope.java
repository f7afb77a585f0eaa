package org.ppi.platform.inbox;

import java.time.Instant;

/**
 * A consumed CloudEvent: its attributes and the contract event it carries ({@code payload} is null when the
 * type is unknown to this version of the contracts: such events are recorded and skipped, never guessed).
 */
public record EventEnvelope(String id, String type, String topic, String subject, Instant recordedAt,
                            String institutionId, String actingUser, String causationId, String correlationId,
                            String interviewId, Long sequence, Object payload, byte[] data) {

    public String name() {
        return org.ppi.contracts.EventTypes.nameOf(type);
    }
}
