package org.ppi.platform.relay;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.messaging.MetaData;
import org.ppi.platform.web.Actor;

/**
 * Metadata keys a command carries into the events it causes (copied by a correlation data provider), and
 * from there into the CloudEvent extensions.
 */
public final class CommandMetadata {
    public static final String TENANT = "tenantId";
    public static final String ACTOR = "actingUser";
    public static final String INTERVIEW = "interviewId";

    private CommandMetadata() {
    }

    public static MetaData of(Actor actor) {
        return MetaData.with(TENANT, actor.institutionId()).and(ACTOR, actor.userId());
    }

    public static MetaData of(Actor actor, String interviewId) {
        Map<String, Object> values = new HashMap<>(of(actor));
        if (interviewId != null) {
            values.put(INTERVIEW, interviewId);
        }
        return MetaData.from(values);
    }
}
