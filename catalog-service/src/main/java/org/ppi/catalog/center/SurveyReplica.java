package org.ppi.catalog.center;

import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.inbox.InboxConsumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog's replica of the survey topic: which centers exist, in which institution, area and ámbito, and
 * whether they are closed, so that products are validated and grouped without a synchronous call to
 * survey-service. Other survey events are not needed here and are ignored.
 */
@Configuration
public class SurveyReplica {
    private final JdbcClient jdbc;

    public SurveyReplica(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Bean
    InboxConsumer surveyEvents(CloudEventReader reader, Inbox inbox, TransactionTemplate tx) {
        return new InboxConsumer(reader, inbox, tx, this::apply);
    }

    public void apply(EventEnvelope event) {
        Object payload = event.payload();
        if (payload instanceof CenterRegistered e) {
            register(e, event.id());
        } else if (payload instanceof CenterRenamed e) {
            update("name = ?", e.name(), e.centerId(), e.institutionId(), event.id());
        } else if (payload instanceof CenterProfileRevised e) {
            if (e.area() != null) {
                update("area = ?", e.area().name(), e.centerId(), e.institutionId(), event.id());
            }
        } else if (payload instanceof CenterMoved e) {
            update("scope_id = ?", e.scopeId(), e.centerId(), e.institutionId(), event.id());
        } else if (payload instanceof CenterClosed e) {
            update("closed = ?", true, e.centerId(), e.institutionId(), event.id());
        }
    }

    /** Update first, insert when absent: a portable upsert, so a replayed topic converges to the same row. */
    private void register(CenterRegistered e, String eventId) {
        int updated = jdbc.sql("update center_replica set name = ?, scope_id = ?, area = ?, last_event_id = ? "
                        + "where center_id = ? and institution_id = ?")
                .params(e.name(), e.scopeId(), e.area().name(), eventId, e.centerId(), e.institutionId()).update();
        if (updated == 0) {
            jdbc.sql("insert into center_replica (center_id, institution_id, name, scope_id, area, closed, last_event_id) "
                            + "values (?,?,?,?,?,false,?)")
                    .params(e.centerId(), e.institutionId(), e.name(), e.scopeId(), e.area().name(), eventId).update();
        }
    }

    private void update(String assignment, Object value, String centerId, String institutionId, String eventId) {
        jdbc.sql("update center_replica set " + assignment + ", last_event_id = ? where center_id = ? and institution_id = ?")
                .params(value, eventId, centerId, institutionId).update();
    }
}
