package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The inbox purged after its retention, a late duplicate is still known — by the event log, or as an open or
 * skipped parked event — while a retried one met again after a deployment replay (log emptied) is applied again.
 */
class ProjectionInboxTest {
    private JdbcTemplate jdbc;
    private ProjectionInbox inbox;
    private InboxPurge purge;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_inbox_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(new DriverManagerDataSource(c.url(), c.user(), c.password())).execute("create schema " + schema);
        DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        jdbc = new JdbcTemplate(data);
        for (String script : List.of("db/inbox/V1_1__inbox.sql", "db/projection/V1_2__projection.sql",
                "db/projection/V1_4__projection_parked.sql")) {
            jdbc.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        inbox = new ProjectionInbox(jdbc);
        purge = new InboxPurge(JdbcClient.create(data), Duration.ofDays(7), 2);
    }

    @Test
    void afterThePurgeALateDuplicateIsKnownByTheLogOrTheParkedEventsAndARetriedOneIsAppliedAfterAReplay() {
        for (String id : List.of("applied", "parked", "retried", "skipped")) {
            assertThat(inbox.firstDelivery(event(id))).as(id).isTrue();
        }
        jdbc.update("insert into event_log (event_id, event_type, recorded_at, payload) values ('applied', 't', now(), '{}')");
        parked("parked", null);
        parked("retried", ParkedEvents.RETRIED);
        parked("skipped", ParkedEvents.SKIPPED);
        jdbc.update("update inbox_event set processed_at = now() - interval '8 days'");
        assertThat(inbox.firstDelivery(event("recent"))).isTrue();

        assertThat(purge.purgeBefore(Instant.now().minus(Duration.ofDays(7)))).as("in deletes of 2").isEqualTo(4);
        assertThat(jdbc.queryForList("select event_id from inbox_event", String.class)).containsExactly("recent");

        assertThat(new Inbox(jdbc).firstDelivery(event("applied"))).as("the inbox alone would apply it twice").isTrue();
        jdbc.update("delete from inbox_event where event_id = 'applied'");
        assertThat(inbox.firstDelivery(event("applied"))).as("in the log").isFalse();
        assertThat(inbox.firstDelivery(event("parked"))).as("parked, open").isFalse();
        assertThat(inbox.firstDelivery(event("skipped"))).as("skipped by an operator").isFalse();
        assertThat(inbox.firstDelivery(event("retried"))).as("retried: in the log until a replay empties it").isTrue();
        assertThat(inbox.firstDeliveries(List.of(event("applied"), event("new"), event("new"), event("recent")),
                new BatchedWrites(jdbc))).containsExactly("new");
    }

    private void parked(String id, String resolution) {
        jdbc.update("insert into projection_parked (event_id, event_type, payload, reason, parked_at, resolution) "
                + "values (?, 't', '{}', 'r', now(), ?)", id, resolution);
    }

    private static EventEnvelope event(String id) {
        return new EventEnvelope(id, "t", "ppi.survey.events", null, Instant.now(), "A", "u", null, null, null, null,
                null, new byte[0]);
    }
}
