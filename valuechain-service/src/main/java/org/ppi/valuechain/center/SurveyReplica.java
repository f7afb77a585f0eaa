package org.ppi.valuechain.center;

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

/** The names of the production centers, from the survey topic, so the views show where each product is made. */
@Configuration
public class SurveyReplica {
    private static final int NAME_LENGTH = 300;

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
            save(e.centerId(), e.institutionId(), e.name(), event.id());
        } else if (payload instanceof CenterRenamed e) {
            save(e.centerId(), e.institutionId(), e.name(), event.id());
        }
    }

    private void save(String centerId, String institutionId, String name, String eventId) {
        String clipped = name == null || name.length() <= NAME_LENGTH ? name : name.substring(0, NAME_LENGTH);
        int updated = jdbc.sql("update known_center set name = ?, last_event_id = ? where center_id = ? and institution_id = ?")
                .params(clipped, eventId, centerId, institutionId).update();
        if (updated == 0) {
            jdbc.sql("insert into known_center (center_id, institution_id, name, last_event_id) values (?,?,?,?)")
                    .params(centerId, institutionId, clipped, eventId).update();
        }
    }
}
