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
    private ParkedEvents parked;
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
        for (String script : List.of("db/inbox/V1_1__inbox.sql", "db/projection/V1_2__projection.sql",
                "db/projection/V1_4__projection_parked.sql", "db/projection/V1_5__outbox_envelope.sql",
                "db/projection/V1_6__outbox_other_topics.sql", "db/projection/V1_7__institution_version.sql")) {
            template.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        jdbc = JdbcClient.create(data);
        parked = new ParkedEvents(jdbc, json);
        BatchedWrites writes = new BatchedWrites(new org.springframework.jdbc.core.JdbcTemplate(data));
        projection = new ProjectionTransaction(new CloudEventReader(json),
                new TransactionTemplate(new DataSourceTransactionManager(data)), new Inbox(template),
                new EventLog(jdbc, json, writes), new ConsumerOffsets(jdbc), parked, data, writes);
    }

    @Test
    void aBatchIsOneTransactionThatSettlesEachInstitutionOncePerInstant() {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 10, t), delivery("a", 0, 11, t),
                delivery("b", 1, 4, t), delivery("a", 1, 5, t), delivery("b", 0, 12, t));
        projection.applyAll(batch, fold);
        assertThat(fold.folded).hasSize(5);
        assertThat(fold.settled).as("one instant: one settle per institution").containsExactly("a", "b");
        assertThat(offsets()).containsEntry(TOPIC + "-0", 13L).containsEntry(TOPIC + "-1", 6L);
        assertThat(count("event_log")).isEqualTo(5);
        assertThat(count("inbox_event")).isEqualTo(5);
    }

    /**
     * A batch is folded in recording order (a poll hands records over topic by topic), and an event recorded later
     * than what the batch folded for its institution settles that first: one settle per distinct recording instant,
     * each after exactly the events recorded up to it, so the stored figures (and their versions) are the same
     * whatever the batch boundaries.
     */
    @Test
    void aLaterRecordingInstantSettlesWhatWasFoldedBeforeIt() throws Exception {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        // three partitions, as a poll hands them over: each in its own recording order, the batch not
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 0, t), delivery("a", 0, 1, t),
                delivery("a", 0, 3, t.plusSeconds(1)), delivery("a", 0, 6, t.plusSeconds(2)), delivery("b", 1, 2, t),
                delivery("b", 1, 5, t), delivery("a", 2, 4, t.plusMillis(500)));
        projection.applyAll(batch, fold);
        assertThat(fold.folded).as("in recording order").containsExactly("a-0-0", "a-0-1", "b-1-2", "b-1-5", "a-2-4",
                "a-0-3", "a-0-6");
        assertThat(fold.settled).containsExactly("a", "a", "a", "b", "a");
        List<String> instants = List.of("a-0-0 a-0-1", "a-0-0 a-0-1 a-2-4", "a-0-0 a-0-1 a-2-4 a-0-3",
                "a-0-0 a-0-1 a-2-4 a-0-3 a-0-6");
        assertThat(fold.settledAfter).containsExactly(instants.get(0), instants.get(1), instants.get(2), "b-1-2 b-1-5",
                instants.get(3));

        // the same events arriving in recording order one per batch, and in two batches: each instant's last settle
        // is the same (a batch that ends inside an instant settles it early too; the next settle of it replaces that)
        List<CloudEventReader.Delivery> ordered = ProjectionTransaction.inRecordingOrder(batch);
        for (List<List<CloudEventReader.Delivery>> cut : List.of(ordered.stream().map(List::of).toList(),
                List.of(ordered.subList(0, 3), ordered.subList(3, 7)))) {
            setUp();
            RecordingFold again = new RecordingFold();
            cut.forEach(b -> projection.applyAll(b, again));
            assertThat(again.settledAfter.stream().filter(s -> s.startsWith("a")).toList())
                    .as("a's settles, in %s batches", cut.size()).containsSubsequence(instants);
        }
    }

    /**
     * A partition's order is its producer's, even where recording times go back: costing publishes the figures of a
     * late event (recorded earlier, from another topic) after later ones, and a consumer that put them first would
     * end on the figures they supersede. Merged with another partition, each keeps its order.
     */
    @Test
    void aPartitionKeepsItsOrderWhereRecordingTimesGoBack() {
        Instant t = Instant.parse("2026-03-01T12:00:00Z");
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 0, t.plusSeconds(5)),
                delivery("a", 0, 1, t.plusSeconds(1)), delivery("b", 1, 2, t.plusSeconds(3)), delivery("b", 1, 3, t));
        assertThat(ProjectionTransaction.inRecordingOrder(batch)).extracting(d -> d.event().id())
                .containsExactly("b-1-2", "b-1-3", "a-0-0", "a-0-1");
        projection.applyAll(batch, fold);
        assertThat(fold.folded).as("each partition in its own order").containsSubsequence("a-0-0", "a-0-1")
                .containsSubsequence("b-1-2", "b-1-3");
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
        assertThat(parked.list(true)).as("a first failure is retried, nothing parked").isEmpty();
        assertThat(count("event_log")).isZero();
        assertThat(count("inbox_event")).isZero();
        assertThat(offsets()).isEmpty();
        assertThat(fold.forgotten).containsExactlyInAnyOrder("a", "b");

        // the binder delivers the batch again: everything applies once
        fold.failOnSettle = null;
        fold.clear();
        projection.applyAll(batch, fold);
        assertThat(fold.folded).hasSize(3);
        assertThat(fold.settled).as("a before its later event, then both").containsExactly("a", "b", "a");
        assertThat(count("event_log")).isEqualTo(3);
        assertThat(offsets()).containsEntry(TOPIC + "-0", 3L);
    }

    /**
     * One event that cannot be applied stops only its institution: after a few failures the batch is applied event
     * by event, the poison parked with its reason and its institution's later events parked behind it (now and in
     * later batches), while the other institution's events apply; the offsets move past all of them. A retry once
     * the cause is gone applies the parked events in their order.
     */
    @Test
    void aPoisonEventIsParkedAndOnlyItsInstitutionWaits() {
        List<CloudEventReader.Delivery> batch = List.of(delivery("a", 0, 0), delivery("b", 0, 1), delivery("b", 0, 2),
                delivery("a", 0, 3));
        fold.failOnFold = "b-0-1";
        for (int attempt = 1; attempt < ProjectionTransaction.ATTEMPTS_BEFORE_PARKING; attempt++) {
            assertThatThrownBy(() -> projection.applyAll(batch, fold)).isInstanceOf(IllegalStateException.class);
        }
        fold.clear();
        projection.applyAll(batch, fold);
        assertThat(fold.settled).containsOnly("a");
        assertThat(logged()).containsExactly("a-0-0", "a-0-3");
        assertThat(parked.list(false)).extracting(ParkedEvents.Parked::eventId).containsExactly("b-0-1", "b-0-2");
        assertThat(parked.list(false).get(0).reason()).contains("cannot fold b-0-1");
        assertThat(parked.list(false).get(1).blockedBy()).isEqualTo("b-0-1");
        assertThat(parked.stale("b")).isTrue();
        assertThat(parked.stale("a")).isFalse();
        assertThat(offsets()).containsEntry(TOPIC + "-0", 4L);

        // later batches: b's events wait behind the parked one, a's apply at once
        fold.clear();
        projection.applyAll(List.of(delivery("b", 0, 4), delivery("a", 0, 5)), fold);
        assertThat(fold.settled).containsExactly("a");
        assertThat(parked.open("b")).isEqualTo(3);

        // the cause is gone: a retry applies b's events in the order they arrived, and b is current again
        fold.failOnFold = null;
        fold.clear();
        assertThat(projection.retryParked("b", fold, "operador")).isEqualTo(3);
        assertThat(fold.folded).containsExactly("b-0-1", "b-0-2", "b-0-4");
        assertThat(fold.settledAfter).as("once per recording instant").containsExactly("b-0-1", "b-0-1 b-0-2",
                "b-0-1 b-0-2 b-0-4");
        assertThat(parked.stale("b")).isFalse();
        assertThat(parked.list(true)).allSatisfy(p -> assertThat(p.resolution()).isEqualTo(ParkedEvents.RETRIED));
        // the correlation id went through the parking to the log, so the figures' events of a retry or replay carry it
        assertThat(jdbc.sql("select event_id || ' ' || correlation_id from event_log where institution_id = 'b' order by position")
                .query(String.class).list()).containsExactly("b-0-1 trace-b-0-1", "b-0-2 trace-b-0-2", "b-0-4 trace-b-0-4");
    }

    /** A skip is recorded with who and why; the events behind the skipped one stay parked until retried. */
    @Test
    void aSkippedEventIsNeverAppliedAndTheOnesBehindItWaitForARetry() {
        fold.failOnFold = "b-0-0";
        List<CloudEventReader.Delivery> batch = List.of(delivery("b", 0, 0), delivery("b", 0, 1));
        for (int attempt = 1; attempt < ProjectionTransaction.ATTEMPTS_BEFORE_PARKING; attempt++) {
            assertThatThrownBy(() -> projection.applyAll(batch, fold)).isInstanceOf(IllegalStateException.class);
        }
        projection.applyAll(batch, fold);
        ParkedEvents.Parked poison = parked.find("b-0-0").orElseThrow();
        projection.skipParked(poison, "operador", "evento de prueba mal formado");
        assertThat(parked.blockerOf("b")).contains("b-0-1");
        fold.clear();
        assertThat(projection.retryParked("b", fold, "operador")).isEqualTo(1);
        assertThat(fold.folded).containsExactly("b-0-1");
        assertThat(parked.list(true)).extracting(ParkedEvents.Parked::resolution)
                .containsExactly(ParkedEvents.SKIPPED, ParkedEvents.RETRIED);
        assertThat(parked.list(true).get(0).resolutionReason()).isEqualTo("evento de prueba mal formado");
    }

    /** An event of a type this version does not know is parked with the reason, never dropped. */
    @Test
    void anUnknownEventTypeIsParkedNotDropped() {
        EventEnvelope unknown = new EventEnvelope("u-1", "org.ppi.future.SomethingNew.v2", TOPIC, "x",
                Instant.parse("2026-03-01T12:00:00Z"), "c", "u", null, null, null, null, null, "{}".getBytes(StandardCharsets.UTF_8));
        projection.applyAll(List.of(new CloudEventReader.Delivery(unknown, 0, 0), delivery("c", 0, 1)), fold);
        assertThat(parked.list(false)).extracting(ParkedEvents.Parked::eventId).containsExactly("u-1", "c-0-1");
        assertThat(parked.list(false).get(0).reason()).contains("unknown event type");
        assertThat(fold.folded).isEmpty();
        assertThat(offsets()).containsEntry(TOPIC + "-0", 2L);
    }

    /**
     * A record that is no readable event — a body that is not its type's JSON, no ce_id, an id longer than the stores
     * keep — is parked with the reader's reason (never stalls the partition: the reader used to throw for the whole
     * batch), stops its institution only, and the batch's other events apply.
     */
    @Test
    void aRecordThatIsNoReadableEventIsParkedWithTheReadersReasonWhileTheRestApplies() {
        String type = EventTypes.typeOf(CenterRegistered.class);
        List<byte[]> bodies = new ArrayList<>();
        List<Map<String, Object>> headers = new ArrayList<>();
        record(bodies, headers, "{\"institutionId\": \"m\", \"centerId\": ", Map.of("ce_id", "bad-json", "ce_type", type,
                "ce_tenantid", "m"));
        record(bodies, headers, "{}", Map.of("ce_type", type, "ce_tenantid", "n"));
        record(bodies, headers, "{}", Map.of("ce_id", "x".repeat(65), "ce_type", type, "ce_tenantid", "o"));
        CenterRegistered good = new CenterRegistered("d", "u", "c1", "Centro", null, CenterArea.SUPPORT, null, null, null, null);
        record(bodies, headers, new String(json.writeValueAsBytes(good), StandardCharsets.UTF_8),
                Map.of("ce_id", "good-1", "ce_type", type, "ce_tenantid", "d", "ce_subject", "c1"));
        org.springframework.messaging.Message<List<byte[]>> batch = org.springframework.messaging.support.MessageBuilder
                .withPayload(bodies)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.BATCH_CONVERTED_HEADERS, headers)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_TOPIC, TOPIC)
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_PARTITION, List.of(0, 0, 0, 0))
                .setHeader(org.springframework.kafka.support.KafkaHeaders.OFFSET, List.of(7L, 8L, 9L, 10L))
                .setHeader(org.springframework.kafka.support.KafkaHeaders.RECEIVED_KEY, List.of("k7", "k8", "k9", "c1"))
                .build();

        projection.acceptBatch(batch, fold);

        assertThat(fold.folded).containsExactly("good-1");
        assertThat(parked.list(false)).extracting(p -> p.eventId() + " " + p.institutionId())
                .containsExactly("bad-json m", "unreadable-" + TOPIC + "-0-8 n", "unreadable-" + TOPIC + "-0-9 o");
        assertThat(parked.list(false)).allSatisfy(p -> assertThat(p.reason()).startsWith("unreadable record: "));
        assertThat(parked.list(false).get(1).reason()).contains("missing ce_id");
        assertThat(parked.list(false).get(2).reason()).contains("ce_id has 65 characters");
        assertThat(offsets()).containsEntry(TOPIC + "-0", 11L);
        assertThat(parked.stale("d")).isFalse();
        assertThat(parked.stale("m")).isTrue();
    }

    private static void record(List<byte[]> bodies, List<Map<String, Object>> headers, String body, Map<String, String> ce) {
        bodies.add(body.getBytes(StandardCharsets.UTF_8));
        Map<String, Object> h = new java.util.HashMap<>();
        ce.forEach((name, value) -> h.put(name, value.getBytes(StandardCharsets.UTF_8)));
        headers.add(h);
    }

    private List<String> logged() {
        return jdbc.sql("select event_id from event_log order by position").query(String.class).list();
    }

    private CloudEventReader.Delivery delivery(String institution, int partition, long offset) {
        return delivery(institution, partition, offset, Instant.parse("2026-03-01T12:00:00Z").plusSeconds(offset));
    }

    private CloudEventReader.Delivery delivery(String institution, int partition, long offset, Instant recordedAt) {
        CenterRegistered payload = new CenterRegistered(institution, "u", "c" + offset, "Centro " + offset, null,
                CenterArea.SUPPORT, null, null, null, null);
        String id = institution + "-" + partition + "-" + offset;
        EventEnvelope event = new EventEnvelope(id, EventTypes.typeOf(CenterRegistered.class), TOPIC, payload.aggregateId(),
                recordedAt, institution, "u", null, "trace-" + id, null, null, payload,
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
        /** For each settle, the events its institution had folded by then (in fold order). */
        final List<String> settledAfter = new ArrayList<>();
        private final Map<String, List<String>> foldedBy = new TreeMap<>();
        final List<String> forgotten = new ArrayList<>();
        String failOnSettle;
        String failOnFold;

        @Override
        public void prepare(String institutionId, long version) {
        }

        @Override
        public void fold(String institutionId, EventEnvelope event) {
            if (event.id().equals(failOnFold)) {
                throw new IllegalStateException("cannot fold " + event.id());
            }
            folded.add(event.id());
            foldedBy.computeIfAbsent(institutionId, k -> new ArrayList<>()).add(event.id());
        }

        @Override
        public void settle(String institutionId) {
            if (institutionId.equals(failOnSettle)) {
                throw new IllegalStateException("cannot settle " + institutionId);
            }
            settled.add(institutionId);
            settledAfter.add(String.join(" ", foldedBy.getOrDefault(institutionId, List.of())));
        }

        @Override
        public void forget(String institutionId) {
            forgotten.add(institutionId);
        }

        void clear() {
            folded.clear();
            settled.clear();
            forgotten.clear();
            settledAfter.clear();
            foldedBy.clear();
        }
    }
}
