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
    private final RefusingTemplate kafka = new RefusingTemplate();
    private OutboxPublisher publisher;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_outbox_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(new DriverManagerDataSource(c.url(), c.user(), c.password())).execute("create schema " + schema);
        DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        new JdbcTemplate(data).execute(new ClassPathResource("db/projection/V1_2__projection.sql").getContentAsString(StandardCharsets.UTF_8));
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

    private void row(String eventId, String key) {
        jdbc.sql("insert into outbox (event_id, institution_id, event_key, event_type, payload, causation_id, effective_at) "
                        + "values (?, 'i', ?, 'org.ppi.costing.ProductCostRecalculated.v1', '{}', 'cause', now())")
                .params(eventId, key).update();
    }

    private List<String> published() {
        return jdbc.sql("select event_id from outbox where published_at is not null order by event_id").query(String.class).list();
    }

    /** A broker that acknowledges every record but those of the refused keys. */
    private static final class RefusingTemplate extends KafkaTemplate<String, byte[]> {
        final Set<String> refused = new java.util.HashSet<>();
        final List<String> sentIds = new ArrayList<>();

        RefusingTemplate() {
            super(new DefaultKafkaProducerFactory<>(Map.of()));
        }

        @Override
        public CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record) {
            if (refused.contains(record.key())) {
                return CompletableFuture.failedFuture(new IllegalStateException("refused " + record.key()));
            }
            String id = new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
            sentIds.add(id);
            return CompletableFuture.completedFuture(new SendResult<>(record, null));
        }
    }
}
