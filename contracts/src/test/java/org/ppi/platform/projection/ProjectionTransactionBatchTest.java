package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.inbox.Inbox;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The batch path of the projection transaction on a real PostgreSQL: a polled batch is one transaction (offsets,
 * inbox, log, folds, one settle per institution), a redelivered half batch changes nothing it already applied, and
 * a failure half-way leaves nothing behind and forgets every institution the batch touched.
 */
class ProjectionTransactionBatchTest {
    private static final String TOPIC = "ppi.survey.events";

    private final JsonMapper json = JsonMapper.builder().build();
    private JdbcClient jdbc;
    private ProjectionTransaction projection;
    private final RecordingFold fold = new RecordingFold();

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_projection_" + UUID.randomUUID().toString().substring(0, 8);
        DriverManagerDataSource admin = new DriverManagerDataSource(c.url(), c.user(), c.password());
        new JdbcTemplate(admin).execute("create schema " + schema);
        DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        JdbcTemplate template = new JdbcTemplate(data);
        for (String script : List.of("db/inbox/V1_1__inbox.sql", "db/projection/V1_2__projection.sql")) {
            template.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        jdbc = JdbcClient.create(data);
        projection = new ProjectionTransaction(new CloudEventReader(json),
                new TransactionTemplate(new DataSourceTransactionManager(data)), new Inbox(template),
                new EventLog(jdbc, json), new ConsumerOffsets(jdbc));
    }

    @Test
    void aBatchIsOneTransactionThatSettlesEachInstitutionOnce() {
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 10), delivery("a", 0, 11), delivery("b", 1, 4),
                delivery("a", 1, 5), delivery("b", 0, 12));
        projection.applyAll(batch, fold);
        assertThat(fold.folded).hasSize(5);
        assertThat(fold.settled).containsExactly("a", "b");
        assertThat(offsets()).containsEntry(TOPIC + "-0", 13L).containsEntry(TOPIC + "-1", 6L);
        assertThat(count("event_log")).isEqualTo(5);
        assertThat(count("inbox_event")).isEqualTo(5);
    }

    @Test
    void aRedeliveredHalfBatchAppliesOnlyWhatIsNew() {
        List<CloudEventReader.Delivery> first = List.of(delivery("a", 0, 0), delivery("a", 0, 1), delivery("b", 0, 2));
        projection.applyAll(first, fold);
        fold.clear();
        List<CloudEventReader.Delivery> again = new ArrayList<>(first.subList(1, 3));
        again.add(delivery("b", 0, 3));
        projection.applyAll(again, fold);
        assertThat(fold.folded).as("only the new event is folded").hasSize(1);
        assertThat(fold.settled).containsExactly("b");
        assertThat(count("event_log")).isEqualTo(4);
        assertThat(offsets()).containsEntry(TOPIC + "-0", 4L);
    }

    @Test
    void aFailureHalfWayLeavesNothingAndForgetsEveryInstitutionTouched() {
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 0), delivery("b", 0, 1), delivery("a", 0, 2));
        fold.failOnSettle = "b";
        assertThatThrownBy(() -> projection.applyAll(batch, fold)).isInstanceOf(IllegalStateException.class);
        assertThat(count("event_log")).isZero();
        assertThat(count("inbox_event")).isZero();
        assertThat(offsets()).isEmpty();
        assertThat(fold.forgotten).containsExactlyInAnyOrder("a", "b");

        // the binder delivers the batch again: everything applies once
        fold.failOnSettle = null;
        fold.clear();
        projection.applyAll(batch, fold);
        assertThat(fold.folded).hasSize(3);
        assertThat(fold.settled).containsExactly("a", "b");
        assertThat(count("event_log")).isEqualTo(3);
        assertThat(offsets()).containsEntry(TOPIC + "-0", 3L);
    }

    private CloudEventReader.Delivery delivery(String institution, int partition, long offset) {
        CenterRegistered payload = new CenterRegistered(institution, "u", "c" + offset, "Centro " + offset, null,
                CenterArea.SUPPORT, null, null, null, null);
        String id = institution + "-" + partition + "-" + offset;
        EventEnvelope event = new EventEnvelope(id, EventTypes.typeOf(CenterRegistered.class), TOPIC, payload.aggregateId(),
                Instant.parse("2026-03-01T12:00:00Z").plusSeconds(offset), institution, "u", null, null, null, null, payload,
                json.writeValueAsBytes(payload));
        return new CloudEventReader.Delivery(event, partition, offset);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private Map<String, Long> offsets() {
        return new TreeMap<>(new ConsumerOffsets(jdbc).all());
    }

    /** A fold that records what the transaction asks of it, and can fail while settling one institution. */
    private static final class RecordingFold implements ProjectionTransaction.Fold {
        final List<String> folded = new ArrayList<>();
        final List<String> settled = new ArrayList<>();
        final List<String> forgotten = new ArrayList<>();
        String failOnSettle;

        @Override
        public void prepare(String institutionId) {
        }

        @Override
        public void fold(String institutionId, EventEnvelope event) {
            folded.add(event.id());
        }

        @Override
        public void settle(String institutionId) {
            if (institutionId.equals(failOnSettle)) {
                throw new IllegalStateException("cannot settle " + institutionId);
            }
            settled.add(institutionId);
        }

        @Override
        public void forget(String institutionId) {
            forgotten.add(institutionId);
        }

        void clear() {
            folded.clear();
            settled.clear();
            forgotten.clear();
        }
    }
}
