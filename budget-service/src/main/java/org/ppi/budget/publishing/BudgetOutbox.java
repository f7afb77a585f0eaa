package org.ppi.budget.publishing;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Budget events are written here in the transaction that changed the figures, and published afterwards
 * ({@link OutboxPublisher}): a figure never changes without its event, nor is an event sent for a rolled-back
 * figure. Ids derive from the causing event, the figure and the fiscal year, so a replay republishes the
 * same ids and consumers that dedupe on ids see nothing new.
 */
@Component
public class BudgetOutbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public BudgetOutbox(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void add(PpiEvent event, int fiscalYear, String causationId, Instant effectiveAt) {
        String id = UUID.nameUUIDFromBytes((causationId + "|" + event.getClass().getSimpleName() + "|" + event.aggregateId()
                + "|" + fiscalYear).getBytes(StandardCharsets.UTF_8)).toString();
        jdbc.sql("insert into budget_outbox (event_id, institution_id, event_key, event_type, payload, causation_id, "
                        + "acting_user, effective_at) values (?,?,?,?,?,?,?,?)")
                .params(id, event.institutionId(), event.aggregateId(), EventTypes.typeOf(event.getClass()),
                        json.writeValueAsString(event), causationId, event.actingUser(), Timestamp.from(effectiveAt))
                .update();
    }
}
