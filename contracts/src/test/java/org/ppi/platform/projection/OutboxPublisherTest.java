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
    private JdbcTemplate template;
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
                "db/projection/V1_5__outbox_envelope.sql", "db/projection/V1_6__outbox_other_topics.sql")) {
            new JdbcTemplate(data).execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        jdbc = JdbcClient.create(data);
        template = new JdbcTemplate(data);
        publisher = new OutboxPublisher(jdbc, kafka, kafka, "ppi.costing.events", "costing-service",
                java.time.Duration.ofDays(7), 2);
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
        OutboxPublisher second = new OutboxPublisher(jdbc, kafka, kafka, "ppi.costing.events", "costing-service",
                java.time.Duration.ofDays(7), 1000, new org.springframework.transaction.support.TransactionTemplate(
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
    void thePurgeDeletesInBoundedBatchesUntilNoOldPublishedRowIsLeft() {
        for (int i = 1; i <= 5; i++) {
            row("old-" + i, "P" + i);
        }
        row("old-pending", "P9");
        row("recent", "P8");
        jdbc.sql("update outbox set published_at = now() - interval '10 days' where event_id like 'old-_'").update();
        jdbc.sql("update outbox set effective_at = now() - interval '30 days' where event_id = 'old-pending'").update();
        jdbc.sql("update outbox set published_at = now() - interval '6 days' where event_id = 'recent'").update();
        // batches of 2: 2 + 2 + 1, the last one short, and then no further delete
        assertThat(publisher.purgePublishedBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(7)))).isEqualTo(5);
        assertThat(jdbc.sql("select event_id from outbox order by event_id").query(String.class).list())
                .containsExactly("old-pending", "recent");
        assertThat(publisher.purgePublishedBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(7)))).isZero();
    }

    /**
     * A parked record reaches the dead-letter topic as it was read (bytes, headers) with why and where from, keyed by
     * its institution; parking and an operator's skip reach the audit topic as events; nothing goes to the figures'
     * topic. All of it written by the parking's own statements, so it shares their transaction.
     */
    @Test
    void aParkedRecordGoesToTheDeadLetterTopicVerbatimAndItsParkingAndSkipToTheAuditTopic() {
        tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();
        Outbox outbox = new Outbox(jdbc, json, new BatchedWrites(template));
        ParkedEvents parked = new ParkedEvents(jdbc, json, new DeadLetters(outbox, json, "costing", "ppi.costing.deadletter"),
                new ParkingAudit(outbox, "costing", "ppi.costing.audit"), null);
        byte[] body = "{\"institutionId\": \"A\", \"hours\": ".getBytes(StandardCharsets.UTF_8);
        org.ppi.platform.inbox.EventEnvelope event = new org.ppi.platform.inbox.EventEnvelope("poison-1",
                "org.ppi.survey.TimeAllocated.v1", "ppi.survey.events", "i-1", java.time.Instant.now(), "A", "ana", null,
                "request-1", null, null, null, body);
        Map<String, Object> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_id", "poison-1".getBytes(StandardCharsets.UTF_8));
        headers.put("ce_type", "org.ppi.survey.TimeAllocated.v1".getBytes(StandardCharsets.UTF_8));
        headers.put("x-custom", new byte[] {0, 1, 2, (byte) 0xff});
        parked.park(new org.ppi.platform.inbox.CloudEventReader.Delivery(event, 2, 41, null, null, "i-1", headers,
                "unreadable record: Unexpected end-of-input"), "A", "unknown event type org.ppi.survey.TimeAllocated.v1", null);
        publisher.publishPending();

        ProducerRecord<String, byte[]> dead = kafka.sent.stream().filter(r -> r.topic().equals("ppi.costing.deadletter"))
                .findFirst().orElseThrow();
        assertThat(dead.key()).isEqualTo("A");
        assertThat(dead.value()).isEqualTo(body);
        assertThat(dead.headers().lastHeader("x-custom").value()).isEqualTo(new byte[] {0, 1, 2, (byte) 0xff});
        assertThat(header(dead, "ce_id")).isEqualTo("poison-1");
        assertThat(header(dead, DeadLetters.REASON)).isEqualTo("unreadable record: Unexpected end-of-input");
        assertThat(header(dead, DeadLetters.SOURCE_TOPIC) + "/" + header(dead, DeadLetters.SOURCE_PARTITION) + "@"
                + header(dead, DeadLetters.SOURCE_OFFSET) + " " + header(dead, DeadLetters.SOURCE_KEY))
                .isEqualTo("ppi.survey.events/2@41 i-1");
        assertThat(header(dead, DeadLetters.INSTITUTION)).isEqualTo("A");
        assertThat(java.time.Instant.parse(header(dead, DeadLetters.PARKED_AT))).isBeforeOrEqualTo(java.time.Instant.now());
        assertThat(dead.headers().lastHeader(DeadLetters.BLOCKED_BY)).isNull();
        ProducerRecord<String, byte[]> parking = kafka.sent.stream().filter(r -> r.topic().equals("ppi.costing.audit"))
                .findFirst().orElseThrow();
        assertThat(header(parking, "ce_type")).isEqualTo("org.ppi.projection.ProjectionEventParked.v1");
        assertThat(parking.key()).isEqualTo("poison-1");
        assertThat(new String(parking.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"unreadable record")
                .contains("\"partition\":2").contains("\"offset\":41");
        assertThat(kafka.sent).noneMatch(r -> r.topic().equals("ppi.costing.events"));

        long id = parked.find("poison-1").orElseThrow().id();
        parked.resolve(id, ParkedEvents.SKIPPED, "operadora", "cuerpo ilegible");
        publisher.publishPending();
        ProducerRecord<String, byte[]> skip = kafka.sent.get(kafka.sent.size() - 1);
        assertThat(skip.topic()).isEqualTo("ppi.costing.audit");
        assertThat(header(skip, "ce_type")).isEqualTo("org.ppi.projection.ParkedEventSkipped.v1");
        assertThat(header(skip, "ce_actinguser")).isEqualTo("operadora");
        assertThat(new String(skip.value(), StandardCharsets.UTF_8)).contains("\"reason\":\"cuerpo ilegible\"");
        // both audit records are what the committed AsyncAPI document says they are
        org.ppi.platform.testing.EventContract contract = org.ppi.platform.testing.EventContract.committed();
        for (ProducerRecord<String, byte[]> audit : List.of(parking, skip)) {
            Map<String, String> auditHeaders = new java.util.LinkedHashMap<>();
            audit.headers().forEach(h -> auditHeaders.put(h.key(), new String(h.value(), StandardCharsets.UTF_8)));
            assertThat(contract.problems(audit.topic(), audit.key(), auditHeaders, audit.value())).isEmpty();
        }
    }

    @Test
    void everyRecordCarriesTheCausesCorrelationIdAndItsNumberWithinItsInstitutionAndKey() {
        Outbox outbox = new Outbox(jdbc, tools.jackson.databind.json.JsonMapper.builder().build(), new BatchedWrites(template));
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

    @Test
    void everyRowOfAFigureHasItsOwnIdEvenFromTheSameCauseWithTheSameValue() {
        Outbox outbox = new Outbox(jdbc, tools.jackson.databind.json.JsonMapper.builder().build(), new BatchedWrites(template));
        java.time.Instant at = java.time.Instant.parse("2026-12-02T10:00:00Z");
        for (String amount : List.of("1", "2", "1")) {
            outbox.add(new org.ppi.contracts.budget.ProgramBudgetRecalculated("A", "analista", "PR1", 2026,
                    new org.ppi.contracts.costing.Amount(new java.math.BigDecimal(amount), amount), at, "c", 0, null),
                    "2026", cause("c1", "A", null), at);
        }
        // a replay re-issues a figure's history: the same cause and value again after another value must not be taken
        // for a redelivery of the first (a consumer would keep the value in between)
        assertThat(jdbc.sql("select count(distinct event_id) from outbox").query(Long.class).single()).isEqualTo(3);
        publisher.publishPending();
        publisher.publishPending();
        assertThat(kafka.sentIds).as("a row keeps its id however often it is sent").hasSize(3).doesNotHaveDuplicates();
    }

    @Test
    void inABatchTheNumbersAreCountedInMemoryAndWrittenOnceWithTheRows() {
        BatchedWrites writes = new BatchedWrites(template);
        Outbox outbox = new Outbox(jdbc, tools.jackson.databind.json.JsonMapper.builder().build(), writes);
        outbox.add(budget("A", "PR1"), "2025", cause("c0", "A", null), java.time.Instant.now());
        writes.batching(() -> {
            outbox.add(budget("A", "PR1"), "2026", cause("c1", "A", null), java.time.Instant.now());
            outbox.add(budget("A", "PR1"), "2027", cause("c1", "A", null), java.time.Instant.now());
            outbox.add(budget("B", "PR1"), "2026", cause("c2", "B", null), java.time.Instant.now());
            assertThat(jdbc.sql("select count(*) from outbox").query(Long.class).single()).as("not sent before the flush")
                    .isEqualTo(1);
            return null;
        });
        writes.batching(() -> {
            outbox.add(budget("B", "PR1"), "2027", cause("c3", "B", null), java.time.Instant.now());
            return null;
        });
        publisher.publishPending();
        assertThat(kafka.sent).extracting(r -> header(r, "ce_tenantid") + "/" + header(r, "ce_sequence") + " " + header(r, "ce_causationid"))
                .containsExactly("A/1 c0", "A/2 c1", "A/3 c1", "B/1 c2", "B/2 c3");
        assertThat(jdbc.sql("select institution_id || '=' || last_sequence from outbox_key_sequence order by 1")
                .query(String.class).list()).containsExactly("A=3", "B=2");
    }

    private static org.ppi.contracts.budget.ProgramBudgetRecalculated budget(String institution, String program) {
        return new org.ppi.contracts.budget.ProgramBudgetRecalculated(institution, "analista", program, 2026,
                new org.ppi.contracts.costing.Amount(java.math.BigDecimal.ONE, "1"), java.time.Instant.now(), "c", 0, null);
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
            // refused by the figure it names (the key is the institution); a dead letter carries its own headers
            org.apache.kafka.common.header.Header subject = record.headers().lastHeader("ce_subject");
            String figure = subject == null ? "" : new String(subject.value(), StandardCharsets.UTF_8);
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
