package org.ppi.costing.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.costing.projection.CostingProjection;
import org.ppi.costing.projection.Ledgers;
import org.ppi.platform.inbox.CloudEventReader;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.FigureVersions;
import org.ppi.platform.projection.InstitutionReplay;
import org.ppi.platform.projection.ProjectionTransaction;
import org.ppi.platform.testing.TestDatabase;
import org.ppi.platform.testing.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * As-of answers from the figures' versions, on a real PostgreSQL, fed through the projection transaction as the
 * consumers feed it (batches holding several recording instants, single events, a batch that fails and is
 * delivered again, a restart between batches): at every instant before, at and between the events the versions
 * answer exactly what folding the history up to that instant answers, field by field; an instant moved across an
 * event gives the other answer; an institution replay rebuilds the very same version rows; however the same events
 * were cut into batches, redelivered or interrupted, the versions are the same; and the read of every product as of
 * an instant costs the same with ten times the history.
 */
@SpringBootTest
// its context (a connection pool, a broker) is closed after the class rather than cached beside the other ITs'
@org.springframework.test.annotation.DirtiesContext
@EmbeddedKafka(topics = {Topics.SURVEY, Topics.CATALOG, Topics.VALUECHAIN, Topics.COSTING}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VersionedAsOfIntegrationTest {
    private static final String[] COSTS = {"1500000.00", "2400000.00", "1824561.40", "2000000.00", "2100000.00"};
    private static final int[] HOURS = {1, 3, 2, 1, 1};
    private static final Instant T0 = Instant.parse("2026-02-01T09:00:00Z");
    /** Not a topic the consumers read: these events reach the projection transaction only through this test. */
    private static final String TOPIC = "asof-it.events";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "costing");
        TestTokens.register(registry);
    }

    @Autowired
    ProjectionTransaction transaction;
    @Autowired
    CostingProjection projection;
    @Autowired
    Ledgers ledgers;
    @Autowired
    CostSnapshots snapshots;
    @Autowired
    InstitutionReplay replay;
    @Autowired
    FigureVersions versions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JsonMapper json;

    private long offset;

    @Test
    void asOfFromVersionsEqualsTheFoldAtEveryInstantAndReplaysRebuildTheSameVersions() {
        String a = "asof-a-it";
        List<List<EventEnvelope>> history = history(a);
        // batches of several instants (three, then one of five events), single events, and one batch of the rest
        List<EventEnvelope> all = history.stream().flatMap(List::stream).toList();
        apply(all.subList(0, 8));
        apply(all.subList(8, 13));
        for (EventEnvelope event : all.subList(13, 15)) {
            apply(List.of(event));
        }
        apply(all.subList(15, all.size()));

        List<Instant> instants = history.stream().map(events -> events.get(0).recordedAt()).toList();
        Map<Instant, Map<String, String>> versionedAnswers = new TreeMap<>();
        int moved = 0;
        for (int k = 0; k < instants.size(); k++) {
            Instant t = instants.get(k);
            for (Instant at : List.of(t.minusMillis(1), t, t.plusMillis(4_999))) {
                CostSnapshot fromVersions = snapshots.of(a, CostQuery.asOf(at));
                Map<String, String> folded = answer(snapshots.folded(a, CostQuery.asOf(at)));
                assertThat(answer(fromVersions)).as("as of %s (instant %d)", at, k).isEqualTo(folded);
                if (versions.at(a, "INSTITUTION", a, at).isPresent()) {
                    versionedAnswers.put(at, folded);
                    // the single-figure reads too
                    assertThat(json(snapshots.institution(a, CostQuery.asOf(at)))).isEqualTo(folded.get("INSTITUTION"));
                    assertThat(snapshots.product(a, CostQuery.asOf(at), "p1").map(this::json)
                            .map(p -> p.replaceAll(",\"lineageSize\":\\d+,", ",")).orElse(null))
                            .isEqualTo(folded.get("PRODUCT:p1"));
                    assertThat(snapshots.employee(a, CostQuery.asOf(at), "e2").map(this::json).orElse(null))
                            .isEqualTo(folded.get("EMPLOYEE:e2"));
                    assertThat(snapshots.center(a, CostQuery.asOf(at), "c1").map(this::json).orElse(null))
                            .isEqualTo(folded.get("CENTER:c1"));
                }
            }
            // moved across the instant's events, the versions give the answer before them, not after
            if (k > 0) {
                Map<String, String> before = answer(snapshots.folded(a, CostQuery.asOf(instants.get(k - 1))));
                Map<String, String> after = answer(snapshots.folded(a, CostQuery.asOf(t)));
                if (!before.equals(after)) {
                    Map<String, String> justBefore = answer(snapshots.of(a, CostQuery.asOf(t.minusMillis(1))));
                    assertThat(justBefore).isEqualTo(before).isNotEqualTo(after);
                    moved++;
                }
            }
        }
        assertThat(versionedAnswers).as("instants with versions (all but those before the first totals)")
                .hasSizeGreaterThanOrEqualTo(3 * (instants.size() - 2));
        assertThat(moved).as("instants whose events changed the answer").isGreaterThanOrEqualTo(instants.size() - 3);

        List<String> rows = versionRows(a);
        assertThat(rows).as("a tombstone where the retired product went").anyMatch(r -> r.startsWith("PRODUCT p2 ")
                && r.endsWith(" null"));
        assertThat(rows).as("closed versions").anyMatch(r -> r.contains(" until 2026-"));

        // An institution replay rebuilds exactly the same versions.
        replay.replay(a, "auditora");
        assertThat(versionRows(a)).isEqualTo(rows);
        for (Instant t : instants) {
            assertThat(answer(snapshots.of(a, CostQuery.asOf(t)))).isEqualTo(answer(snapshots.folded(a, CostQuery.asOf(t))));
        }

        // The same events in one batch per instant, and all in one batch (as a deployment replay reads them, in
        // recording order whatever the topics): the same versions, to the byte.
        String b = "asof-b-it";
        history(b).forEach(this::apply);
        assertThat(versionRows(b, a)).as("one batch per instant").isEqualTo(rows);
        String c = "asof-c-it";
        apply(history(c).stream().flatMap(List::stream).toList());
        assertThat(versionRows(c, a)).as("one batch").isEqualTo(rows);

        // A half batch delivered again, a batch that fails half-way (rolled back, forgotten) and is delivered again,
        // and a restart (every ledger dropped) between two batches: the same versions.
        String d = "asof-d-it";
        List<EventEnvelope> ofD = history(d).stream().flatMap(List::stream).toList();
        apply(ofD.subList(0, 8));
        apply(ofD.subList(2, 13));
        FailingOnce failing = new FailingOnce(projection, d);
        List<CloudEventReader.Delivery> failed = deliveries(ofD.subList(13, 17));
        assertThatThrownBy(() -> transaction.applyAll(failed, failing)).isInstanceOf(IllegalStateException.class);
        assertThat(versionRows(d).stream().filter(r -> r.contains(ofD.get(13).id())).toList())
                .as("the failed batch left no version").isEmpty();
        transaction.applyAll(failed, failing);
        ledgers.clear();
        apply(ofD.subList(17, ofD.size()));
        assertThat(versionRows(d, a)).as("redelivered, rolled back, restarted").isEqualTo(rows);

        // One event per batch, so that batches end inside an instant (the interview's five allocations): the same
        // versions — instants, ranges and every value — but a figure that the instant's first events alone changed
        // names the last of those as its cause, as its figure row does, where one settle of the whole instant names
        // the instant's last event.
        String e = "asof-e-it";
        history(e).stream().flatMap(List::stream).forEach(event -> apply(List.of(event)));
        List<String> cut = versionRows(e, a);
        assertThat(cut).as("cut inside instants").isNotEqualTo(rows);
        assertThat(withoutCause(cut)).isEqualTo(withoutCause(rows));

        // Which path answered: with a's event log gone, the default view still answers as before (from the versions),
        // while the other views — validated interviews only, normalised, another fiscal year — have nothing to fold.
        jdbc.sql("delete from event_log where institution_id = ?").param(a).update();
        versionedAnswers.forEach((at, folded) -> assertThat(answer(snapshots.of(a, CostQuery.asOf(at))))
                .as("as of %s without the log", at).isEqualTo(folded));
        Instant t5 = instants.get(5);
        assertThat(snapshots.of(a, new CostQuery(t5, 2026, org.ppi.costing.state.Basis.ALL, false)).institution())
                .as("the year the figures were stored for").isNotNull();
        assertThat(snapshots.of(a, new CostQuery(t5, null, org.ppi.costing.state.Basis.VALIDATED, false)).institution())
                .isNull();
        assertThat(snapshots.of(a, new CostQuery(t5, null, org.ppi.costing.state.Basis.ALL, true)).institution()).isNull();
        assertThat(snapshots.of(a, new CostQuery(t5, 2025, org.ppi.costing.state.Basis.ALL, false)).institution())
                .as("another fiscal year").isNull();
        assertThat(snapshots.of(a, CostQuery.asOf(instants.get(0).minusMillis(1))).institution())
                .as("before the first version").isNull();
    }

    private static List<String> withoutCause(List<String> rows) {
        return rows.stream().map(r -> r.replaceAll("\"causationEventId\":\"[^\"]*\"", "")).toList();
    }

    /**
     * The read of every product as of an instant walks one index entry per figure, so it costs the same with ten
     * times the history: printed as the plan's buffers and rows, beside the versions an unbounded range scan would
     * read and the time of the old fold.
     */
    @Test
    void theAsOfReadCostsTheSameWithTenTimesTheHistory() {
        Map<Integer, Long> buffers = new TreeMap<>();
        for (int corrections : new int[] {200, 2000}) {
            String institution = "asof-cost-" + corrections;
            List<List<EventEnvelope>> history = new ArrayList<>(history(institution));
            Instant last = history.get(history.size() - 1).get(0).recordedAt();
            for (int i = 1; i <= corrections; i++) {
                history.add(List.of(event(institution, last.plusSeconds(i), "fix-" + i, new TimeAllocated(institution,
                        "entrevistador", "i2", "c1", "e" + (i % 5), "p1", BigDecimal.valueOf(1 + i % 3)))));
            }
            List<EventEnvelope> events = history.stream().flatMap(List::stream).toList();
            long applying = System.nanoTime();
            for (int from = 0; from < events.size(); from += 200) {
                apply(events.subList(from, Math.min(events.size(), from + 200)));
            }
            long appliedMillis = Math.max(1, (System.nanoTime() - applying) / 1_000_000);
            System.out.printf("AS-OF %d corrections: %d events applied in batches of 200, each at its own instant (one "
                    + "settle and one set of versions per event): %d ms, %d events/s%n", corrections, events.size(),
                    appliedMillis, events.size() * 1000L / appliedMillis);
            Instant asOf = last.plusSeconds(corrections / 2).plusMillis(500);
            long stored = jdbc.sql("select count(*) from figure_version where institution_id = ?").param(institution)
                    .query(Long.class).single();
            long rangeScan = jdbc.sql("select count(*) from figure_version where institution_id = ? and kind = 'PRODUCT' "
                    + "and valid_from <= ?").params(institution, java.sql.Timestamp.from(asOf)).query(Long.class).single();
            List<String> plan = versions.explainAll(institution, "PRODUCT", asOf);
            long hit = plan.stream().filter(l -> l.contains("Buffers:")).findFirst()
                    .map(l -> l.replaceAll(".*shared hit=(\\d+).*", "$1")).map(Long::parseLong).orElseThrow();
            buffers.put(corrections, hit);
            assertThat(answer(snapshots.of(institution, CostQuery.asOf(asOf))))
                    .isEqualTo(answer(snapshots.folded(institution, CostQuery.asOf(asOf))));
            long fromVersions = medianMicros(() -> snapshots.of(institution, CostQuery.asOf(asOf)));
            long oneProduct = medianMicros(() -> snapshots.product(institution, CostQuery.asOf(asOf), "p1"));
            long folded = medianMicros(() -> snapshots.folded(institution, CostQuery.asOf(asOf)));
            System.out.printf("AS-OF %d corrections: %d versions stored, %d product versions up to the instant (a range "
                            + "scan's rows); all products as of it read %d buffers; whole snapshot from versions %d µs, "
                            + "one product %d µs, folded %d µs%n",
                    corrections, stored, rangeScan, hit, fromVersions, oneProduct, folded);
            plan.forEach(line -> System.out.println("AS-OF   " + line));
            if (corrections == 2000) {
                assertThat(rangeScan).as("ten times the history").isGreaterThan(5 * 200);
            }
        }
        assertThat(buffers.get(2000)).as("buffers read, 1x vs 10x history: %s", buffers)
                .isLessThanOrEqualTo(2 * buffers.get(200) + 4);
    }

    /** The median of 31 runs after 30 unmeasured ones (the JIT warmed up, the pages cached). */
    private static long medianMicros(Runnable read) {
        for (int i = 0; i < 30; i++) {
            read.run();
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 31; i++) {
            long start = System.nanoTime();
            read.run();
            times.add((System.nanoTime() - start) / 1000);
        }
        times.sort(null);
        return times.get(times.size() / 2);
    }

    /**
     * An institution's history, one list per recording instant: registrations (several events at one instant), an
     * interview, corrections, a second product and its retirement (a tombstone), a rename (labels only), a salary
     * change, a non-labour cost, an allocation recorded again unchanged, and the interview's validation. Event ids
     * start with the institution's id, so two institutions' rows compare.
     */
    private List<List<EventEnvelope>> history(String institution) {
        List<List<PpiEvent>> steps = new ArrayList<>();
        List<PpiEvent> registration = new ArrayList<>();
        registration.add(new InstitutionRegistered(institution, "admin", "Defensor del Pueblo", "DO", "DOP", 2026,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC));
        registration.add(new CenterRegistered(institution, "admin", "c1", "Dirección de Planificación", null,
                CenterArea.SUPPORT, null, null, null, null));
        steps.add(registration);
        List<PpiEvent> staff = new ArrayList<>();
        for (int i = 0; i < COSTS.length; i++) {
            staff.add(new EmployeeRegistered(institution, "admin", "e" + i, "c1", "Funcionario " + i, null,
                    new BigDecimal(COSTS[i]), BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
        }
        steps.add(staff);
        steps.add(List.of(product(institution, "p1", "Informe Anual de Gestión")));
        List<PpiEvent> interview = new ArrayList<>();
        for (int i = 0; i < HOURS.length; i++) {
            interview.add(new TimeAllocated(institution, "entrevistador", "i1", "c1", "e" + i, "p1",
                    BigDecimal.valueOf(HOURS[i])));
        }
        steps.add(interview);
        steps.add(List.of(new TimeAllocated(institution, "entrevistador", "i1", "c1", "e0", "p1", BigDecimal.valueOf(2))));
        steps.add(List.of(product(institution, "p2", "Boletín")));
        steps.add(List.of(new TimeAllocated(institution, "entrevistador", "i1", "c1", "e1", "p2", BigDecimal.ONE),
                new TimeAllocated(institution, "entrevistador", "i1", "c1", "e2", "p2", BigDecimal.valueOf(4))));
        steps.add(List.of(new CenterRenamed(institution, "admin", "c1", "Planificación y Desarrollo")));
        steps.add(List.of(new EmployeeSalaryChanged(institution, "admin", "e2", new BigDecimal("2000000.00"),
                LocalDate.of(2026, 7, 1), "ajuste")));
        steps.add(List.of(new ProductRetired(institution, "admin", "p2", "fusionado")));
        steps.add(List.of(new CenterNonLabourCostRecorded(institution, "admin", "c1", new BigDecimal("100000.00"), "alquiler")));
        steps.add(List.of(new TimeAllocated(institution, "entrevistador", "i1", "c1", "e3", "p1", BigDecimal.valueOf(5))));
        steps.add(List.of(new TimeAllocated(institution, "entrevistador", "i1", "c1", "e3", "p1", BigDecimal.valueOf(5))));
        steps.add(List.of(new InterviewValidated(institution, "supervisora", "i1", "c1", LocalDate.of(2026, 3, 1))));
        List<List<EventEnvelope>> history = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int j = 0; j < steps.get(k).size(); j++) {
                events.add(event(institution, T0.plusSeconds(10L * k), k + "-" + j, steps.get(k).get(j)));
            }
            history.add(events);
        }
        return history;
    }

    private static ProductRegistered product(String institution, String id, String name) {
        return new ProductRegistered(institution, "admin", id, "c1", name, ProductType.TERMINAL, true, BigDecimal.ONE,
                "informe", new ProductFeatures(null, Set.of(), null, null, List.of(), null, null));
    }

    private EventEnvelope event(String institution, Instant at, String suffix, PpiEvent payload) {
        String id = institution + "-" + suffix;
        String interview = payload instanceof TimeAllocated t ? t.interviewId() : null;
        return new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), TOPIC, null, at, institution,
                payload.actingUser(), null, "trace-" + id, interview, null, payload, json.writeValueAsBytes(payload));
    }

    private void apply(List<EventEnvelope> events) {
        transaction.applyAll(deliveries(events), projection);
    }

    private List<CloudEventReader.Delivery> deliveries(List<EventEnvelope> events) {
        List<CloudEventReader.Delivery> deliveries = new ArrayList<>();
        for (EventEnvelope event : events) {
            deliveries.add(new CloudEventReader.Delivery(event, 0, offset++));
        }
        return deliveries;
    }

    /**
     * What a snapshot answers, by figure, as JSON (the views' exact text: amounts to the cent, every field) — but a
     * product's {@code lineageSize}: the count of events behind it, which a stored row (live or version) keeps as of
     * the figure's last change while a fold counts them at the instant (an allocation recorded again unchanged adds
     * one and changes no figure); the lineage itself is read on request.
     */
    private Map<String, String> answer(CostSnapshot snapshot) {
        Map<String, String> answer = new TreeMap<>();
        if (snapshot.institution() != null) {
            answer.put("INSTITUTION", json(snapshot.institution()));
        }
        snapshot.products().forEach(p -> answer.put("PRODUCT:" + p.productId(), json(p)));
        answer.replaceAll((figure, view) -> view.replaceAll(",\"lineageSize\":\\d+,", ","));
        snapshot.employees().forEach(e -> answer.put("EMPLOYEE:" + e.employeeId(), json(e)));
        snapshot.centers().forEach(c -> answer.put("CENTER:" + c.centerId(), json(c)));
        return answer;
    }

    private String json(Object view) {
        return json.writeValueAsString(view);
    }

    private List<String> versionRows(String institution) {
        return jdbc.sql("select kind || ' ' || figure_id || ' from ' || valid_from || ' until ' || coalesce(valid_until::text, "
                        + "'-') || ' ' || coalesce(detail, 'null') from figure_version where institution_id = ? "
                        + "order by kind, figure_id, valid_from")
                .param(institution).query(String.class).list();
    }

    /** Another institution's version rows as if they were {@code as}'s (its id in the details and event ids). */
    private List<String> versionRows(String institution, String as) {
        return versionRows(institution).stream().map(r -> r.replace(institution, as)).toList();
    }

    /** The projection's fold, failing the first settle of one institution (a crash half-way through a batch). */
    private static final class FailingOnce implements ProjectionTransaction.Fold {
        private final ProjectionTransaction.Fold fold;
        private final String institution;
        private boolean failed;

        FailingOnce(ProjectionTransaction.Fold fold, String institution) {
            this.fold = fold;
            this.institution = institution;
        }

        @Override
        public void prepare(String institutionId, long version) {
            fold.prepare(institutionId, version);
        }

        @Override
        public void fold(String institutionId, EventEnvelope event) {
            fold.fold(institutionId, event);
        }

        @Override
        public void settle(String institutionId) {
            fold.settle(institutionId);
            if (!failed && institutionId.equals(institution)) {
                failed = true;
                throw new IllegalStateException("crash after settling " + institutionId + " once");
            }
        }

        @Override
        public void forget(String institutionId) {
            fold.forget(institutionId);
        }
    }
}
