package org.ppi.platform.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

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
 * Two instances of one projection on one real PostgreSQL, each with its own in-memory ledgers: when one advances an
 * institution the other's ledger of it is stale, and the institution's version tells it so (it reloads from the log
 * instead of settling figures that miss the other's events); and while one holds an institution in an open
 * transaction, the other waits for it instead of folding beside it.
 */
class InstitutionVersionsTest {
    private static final String TOPIC = "ppi.survey.events";
    private final JsonMapper json = JsonMapper.builder().build();
    private Instance a;
    private Instance b;
    private JdbcClient jdbc;

    @BeforeEach
    void setUp() throws Exception {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_versions_" + UUID.randomUUID().toString().substring(0, 8);
        new JdbcTemplate(new DriverManagerDataSource(c.url(), c.user(), c.password())).execute("create schema " + schema);
        DriverManagerDataSource data = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        JdbcTemplate template = new JdbcTemplate(data);
        for (String script : List.of("db/inbox/V1_1__inbox.sql", "db/projection/V1_2__projection.sql",
                "db/projection/V1_4__projection_parked.sql", "db/projection/V1_5__outbox_envelope.sql",
                "db/projection/V1_7__institution_version.sql")) {
            template.execute(new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8));
        }
        jdbc = JdbcClient.create(data);
        a = new Instance(data);
        b = new Instance(data);
    }

    @Test
    void aLedgerAnotherInstanceAdvancedIsReloadedFromTheLog() {
        a.apply(event("x", 1));
        b.apply(event("x", 2));
        a.apply(event("x", 3));
        assertThat(a.state("x")).as("a reloaded x: b's event is in its state").containsExactly("x-1", "x-2", "x-3");
        assertThat(a.fold.settledFigures).containsExactly(1, 3);
        assertThat(b.state("x")).containsExactly("x-1", "x-2");
        // an institution only one instance applies is never reloaded
        a.apply(event("y", 4));
        a.apply(event("y", 5));
        assertThat(a.loads).containsExactly("x", "x", "y");
        assertThat(jdbc.sql("select version from institution_version where institution_id = 'x'").query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void whileOneInstanceHoldsAnInstitutionTheOtherWaits() throws Exception {
        a.apply(event("x", 1));
        CountDownLatch folding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        b.fold.pauseOn = "x-2";
        b.fold.folding = folding;
        b.fold.release = release;
        CompletableFuture<Void> slow = CompletableFuture.runAsync(() -> b.apply(event("x", 2)));
        assertThat(folding.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<Void> other = CompletableFuture.runAsync(() -> a.apply(event("x", 3)));
        Thread.sleep(500);
        assertThat(other).as("a waits for b's transaction on x").isNotDone();
        release.countDown();
        slow.get(10, TimeUnit.SECONDS);
        other.get(10, TimeUnit.SECONDS);
        assertThat(a.state("x")).containsExactly("x-1", "x-2", "x-3");
    }

    private CloudEventReader.Delivery event(String institution, long offset) {
        CenterRegistered payload = new CenterRegistered(institution, "u", "c" + offset, "Centro " + offset, null,
                CenterArea.SUPPORT, null, null, null, null);
        EventEnvelope event = new EventEnvelope(institution + "-" + offset, EventTypes.typeOf(CenterRegistered.class), TOPIC,
                payload.aggregateId(), Instant.parse("2026-03-01T12:00:00Z").plusSeconds(offset), institution, "u", null,
                null, null, null, payload, json.writeValueAsBytes(payload));
        return new CloudEventReader.Delivery(event, 0, offset);
    }

    /** One instance: its own projection transaction and in-memory ledgers, the shared database. */
    private final class Instance {
        final List<String> loads = new ArrayList<>();
        final Ledgers<List<String>, Integer> ledgers;
        final ListFold fold;
        final ProjectionTransaction projection;

        Instance(DriverManagerDataSource data) {
            JdbcClient client = JdbcClient.create(data);
            BatchedWrites writes = new BatchedWrites(new JdbcTemplate(data));
            EventLog log = new EventLog(client, json, writes);
            ledgers = new Ledgers<>(institution -> {
                loads.add(institution);
                List<String> state = new ArrayList<>();
                log.replay(institution, null, e -> state.add(e.id()));
                return new Ledgers.Ledger<>(state, state.size());
            });
            fold = new ListFold(ledgers);
            projection = new ProjectionTransaction(new CloudEventReader(json),
                    new TransactionTemplate(new DataSourceTransactionManager(data)), new Inbox(new JdbcTemplate(data)), log,
                    new ConsumerOffsets(client), new ParkedEvents(client, json), data, writes);
        }

        void apply(CloudEventReader.Delivery delivery) {
            projection.applyAll(List.of(delivery), fold);
        }

        List<String> state(String institution) {
            return ledgers.get(institution).state();
        }
    }

    /** The state is the list of the institution's event ids; the figure, how many there are. */
    private static final class ListFold extends LedgerFold<List<String>, Integer> {
        final List<Integer> settledFigures = new ArrayList<>();
        String pauseOn;
        CountDownLatch folding;
        CountDownLatch release;

        ListFold(Ledgers<List<String>, Integer> ledgers) {
            super(ledgers);
        }

        @Override
        protected void fold(Ledgers.Ledger<List<String>, Integer> ledger, EventEnvelope event) {
            ledger.state().add(event.id());
            ledger.pending(event);
            if (event.id().equals(pauseOn)) {
                folding.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        @Override
        protected void settle(Ledgers.Ledger<List<String>, Integer> ledger) {
            ledger.figures(ledger.state().size());
            if (!ledger.state().isEmpty() && ledger.state().get(0).startsWith("x")) {
                settledFigures.add(ledger.figures());
            }
        }
    }
}
