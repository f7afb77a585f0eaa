package org.ppi.platform.projection;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * A projection's own events are written here in the transaction that changed its figures, and published
 * afterwards ({@link OutboxPublisher}): a figure never changes without its event, nor is an event sent for a
 * rolled-back figure. Ids derive from the causing event and the figure, so a replay republishes the same ids
 * and consumers that dedupe on ids see nothing new.
 */
public class Outbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public Outbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @param discriminator what else tells two figures of one aggregate apart (e.g. the fiscal year), or "" */
    public void add(PpiEvent event, String discriminator, String causationId, Instant effectiveAt) {
        String seed = causationId + "|" + event.getClass().getSimpleName() + "|" + event.aggregateId()
                + (discriminator.isEmpty() ? "" : "|" + discriminator);
        jdbc.sql("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, acting_user, "
                        + "effective_at) values (?,?,?,?,?,?,?,?)")
                .params(UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString(), event.institutionId(),
                        event.aggregateId(), EventTypes.typeOf(event.getClass()), json.writeValueAsString(event), causationId,
                        event.actingUser(), Timestamp.from(effectiveAt))
                .update();
    }
}
