package org.ppi.survey.interview;

import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.survey.directory.RowStamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Keeps interview_view in the command's transaction; its allocations are the allocation projection's. */
@Component
@ProcessingGroup("directory")
public class InterviewProjection {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    public InterviewProjection(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    @EventHandler
    void on(InterviewOpened e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("insert into interview_view (interview_id, institution_id, center_id, interview_date, interviewer, "
                        + "participants, status, last_event_id, updated_by, updated_at) values (?,?,?,?,?,?,?,?,?,?)")
                .params(e.interviewId(), e.institutionId(), e.centerId(), e.date(), e.interviewer(),
                        json.writeValueAsString(e.participants() == null ? List.of() : e.participants()),
                        InterviewQueries.Status.OPEN.name(), s.eventId(), s.user(), s.at())
                .update();
    }

    @EventHandler
    void on(InterviewValidated e, EventMessage<?> m) {
        RowStamp s = RowStamp.of(e, m);
        jdbc.sql("update interview_view set status = ?, validated_on = ?, last_event_id = ?, updated_by = ?, "
                        + "updated_at = ? where interview_id = ? and institution_id = ?")
                .params(InterviewQueries.Status.VALIDATED.name(), e.validatedOn(), s.eventId(), s.user(), s.at(),
                        e.interviewId(), e.institutionId())
                .update();
    }
}
