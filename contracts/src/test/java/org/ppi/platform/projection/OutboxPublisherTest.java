package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The outbox goes on past a record the broker refuses: every other key is published in the same round, the
 * refused key's later rows wait (a figure's events never overtake each other), and the refused row is published
 * once the broker takes it. The broker is a template that refuses one key, so the test says which record fails.
 */
class OutboxPublisherTest {
    private JdbcClient jdbc;
    private DriverManagerDataSource data;
    private final RefusingTemplate kafka = new RefusingTemplate();
    private OutboxPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_outbox_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(new DriverManagerDataSource(c.url(), c.user(), c.password())).execute("create schema " + schema);
        data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        for (String script : List.of("db/projection/V1_2__projection.sql", "db/projection/V1_4__projection_parked.sql",
                "db/projection/V1_5__outbox_envelope.sql")) {
            new JdbcTemplate(data).execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        jdbc = JdbcClient.create(data);
        publisher = new OutboxPublisher(jdbc, kafka, "ppi.costing.events", "costing-service");
    }

    @Test
    void oneRefusedRecordHoldsBackOnlyItsOwnKey() {
        row("e1", "P1");
        row("e2", "P2");
        row("e3", "P1");
        row("e4", "P3");
        kafka.refused.add("P1");
        publisher.publishPending();
        assertThat(kafka.sentIds).containsExactly("e2", "e4");
        assertThat(published()).containsExactly("e2", "e4");

        kafka.refused.clear();
        publisher.publishPending();
        assertThat(kafka.sentIds).containsExactly("e2", "e4", "e1", "e3");
        assertThat(published()).containsExactly("e1", "e2", "e3", "e4");
    }

    /** Two instances share one outbox: while one holds the round's lock the other's round sends nothing. */
    @Test
    void aRoundWaitsWhileAnotherInstanceHoldsTheTopicsLock() throws Exception {
        OutboxPublisher second = new OutboxPublisher(jdbc, kafka, "ppi.costing.events", "costing-service",
                java.time.Duration.ofDays(7), new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(data)));
        row("e1", "P1");
        try (java.sql.Connection other = data.getConnection();
             java.sql.PreparedStatement lock = other.prepareStatement("select pg_advisory_lock(?, hashtext(?))")) {
            lock.setInt(1, OutboxPublisher.ROUND_LOCK);
            lock.setString(2, "ppi.costing.events");
            lock.executeQuery().close();
            second.publishPending();
            assertThat(kafka.sentIds).as("the other instance's round holds the lock").isEmpty();
            assertThat(published()).isEmpty();
        }
        second.publishPending();
        assertThat(kafka.sentIds).containsExactly("e1");
        assertThat(published()).containsExactly("e1");
    }

    @Test
    void publishedRowsOlderThanTheRetentionArePurgedAndPendingOnesNever() {
        row("old-published", "P1");
        row("old-pending", "P2");
        row("recent-published", "P3");
        jdbc.sql("update outbox set published_at = now() - interval '8 days' where event_id = 'old-published'").update();
        jdbc.sql("update outbox set effective_at = now() - interval '30 days' where event_id = 'old-pending'").update();
        jdbc.sql("update outbox set published_at = now() - interval '1 hour' where event_id = 'recent-published'").update();
        assertThat(publisher.purgePublishedBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(7)))).isEqualTo(1);
        assertThat(jdbc.sql("select event_id from outbox order by event_id").query(String.class).list())
                .containsExactly("old-pending", "recent-published");
    }

    @Test
    void everyRecordCarriesTheCausesCorrelationIdAndItsNumberWithinItsInstitutionAndKey() {
        Outbox outbox = new Outbox(jdbc, tools.jackson.databind.json.JsonMapper.builder().build());
        outbox.add(budget("A", "PR1"), "2026", cause("c1", "A", "request-1"), java.time.Instant.now());
        outbox.add(budget("A", "PR1"), "2027", cause("c1", "A", "request-1"), java.time.Instant.now());
        outbox.add(budget("B", "PR1"), "2026", cause("c2", "B", "request-2"), java.time.Instant.now());
        outbox.add(budget("A", "PR2"), "2026", cause("c3", "A", null), java.time.Instant.now());
        kafka.refused.add("PR2");
        publisher.publishPending();
        // a refused key waits, and its number is kept for when it goes out
        outbox.add(budget("A", "PR2"), "2026", cause("c4", "A", "request-4"), java.time.Instant.now());
        kafka.refused.clear();
        publisher.publishPending();
        // published rows purged: the numbering of a key goes on where it was
        assertThat(publisher.purgePublishedBefore(java.time.Instant.now().plusSeconds(60))).isEqualTo(5);
        outbox.add(budget("A", "PR1"), "2026", cause("c5", "A", "request-5"), java.time.Instant.now());
        publisher.publishPending();

        // keyed by institution (co-partitioned with the write side's topics), the figure in ce_subject
        assertThat(kafka.sent).allSatisfy(r -> assertThat(r.key()).isEqualTo(header(r, "ce_tenantid")));
        assertThat(kafka.sent).extracting(r -> header(r, "ce_tenantid") + "/" + header(r, "ce_subject") + "#" + header(r, "ce_sequence")
                        + " " + header(r, "ce_causationid") + " " + header(r, "ce_correlationid"))
                .containsExactly("A/PR1#1 c1 request-1", "A/PR1#2 c1 request-1", "B/PR1#1 c2 request-2",
                        "A/PR2#1 c3 c3", "A/PR2#2 c4 request-4", "A/PR1#3 c5 request-5");
    }

    private static org.ppi.contracts.budget.ProgramBudgetRecalculated budget(String institution, String program) {
        return new org.ppi.contracts.budget.ProgramBudgetRecalculated(institution, "analista", program, 2026,
                new org.ppi.contracts.costing.Amount(java.math.BigDecimal.ONE, "1"), java.time.Instant.now(), "c", List.of());
    }

    private static org.ppi.platform.inbox.EventEnvelope cause(String id, String institution, String correlation) {
        return new org.ppi.platform.inbox.EventEnvelope(id, "org.ppi.costing.ProductCostRecalculated.v1", "ppi.costing.events",
                "P1", java.time.Instant.now(), institution, "analista", "before-" + id, correlation, null, 3L, null, new byte[0]);
    }

    private static String header(ProducerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void row(String eventId, String key) {
        jdbc.sql("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, effective_at, "
                        + "correlation_id, key_sequence) "
                        + "values (?, 'i', ?, 'org.ppi.costing.ProductCostRecalculated.v1', '{}', 'cause', now(), 'cause', 1)")
                .params(eventId, key).update();
    }

    private List<String> published() {
        return jdbc.sql("select event_id from outbox where published_at is not null order by event_id").query(String.class).list();
    }

    /** A broker that acknowledges every record but those of the refused figures (ce_subject). */
    private static final class RefusingTemplate extends KafkaTemplate<String, byte[]> {
        final Set<String> refused = new java.util.HashSet<>();
        final List<String> sentIds = new ArrayList<>();
        final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

        RefusingTemplate() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            String figure = new String(record.headers().lastHeader("ce_subject").value(), StandardCharsets.UTF_8);
            if (refused.contains(figure)) {
                return CompletableFuture.failedFuture(new IllegalStateException("refused " + figure));
            }
            String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            sentIds.add(id);
            sent.add(record);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
