package org.ppi.budget.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ppi.budget.figures.FigureStore;
import org.ppi.budget.projection.BudgetProjection;
import org.ppi.budget.state.WorkedExample;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.Topics;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.InstitutionRegistered;
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
 * Budget as-of answers from the figures' versions, on a real PostgreSQL, fed through the projection transaction
 * (batches of several recording instants and single events): DOMAIN.md's worked example, a plan for the next year
 * (the default year moves on and the unplanned one leaves play: afterwards an as-of query of it folds), corrections,
 * and the institution's own fiscal year. At
 * every instant before, at and between the events the versions answer exactly what folding the history answers
 * — the default year, 2026 and 2027 asked for — and an institution replay rebuilds the very same version rows.
 */
@SpringBootTest
// its context (a connection pool, a broker) is closed after the class rather than cached beside the other ITs'
@org.springframework.test.annotation.DirtiesContext
@EmbeddedKafka(topics = {Topics.COSTING, Topics.VALUECHAIN, Topics.SURVEY, Topics.BUDGET}, partitions = 1,
        bootstrapServersProperty = "spring.kafka.bootstrap-servers")
class VersionedBudgetAsOfIntegrationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    /** Not a topic the consumers read: these events reach the projection transaction only through this test. */
    private static final String TOPIC = "asof-it.events";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, "budget");
        TestTokens.register(registry);
    }

    @Autowired
    ProjectionTransaction transaction;
    @Autowired
    BudgetProjection projection;
    @Autowired
    BudgetSnapshots snapshots;
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
    void asOfFromVersionsEqualsTheFoldAtEveryInstantAndAReplayRebuildsTheSameVersions() {
        String a = "budget-asof-a";
        List<List<EventEnvelope>> history = history(a);
        List<EventEnvelope> all = history.stream().flatMap(List::stream).toList();
        apply(all.subList(0, 9));
        apply(all.subList(9, 15));
        for (EventEnvelope event : all.subList(15, all.size())) {
            apply(List.of(event));
        }

        List<Instant> instants = history.stream().map(events -> events.get(0).recordedAt()).toList();
        int versioned = 0;
        int moved = 0;
        for (int k = 0; k < instants.size(); k++) {
            Instant t = instants.get(k);
            for (Instant at : List.of(t.minusMillis(1), t, t.plusMillis(999))) {
                for (Integer year : new Integer[] {null, 2026, 2027}) {
                    BudgetSnapshot fromVersions = snapshots.of(a, year, at);
                    assertThat(answer(fromVersions)).as("as of %s (instant %d), year %s", at, k, year)
                            .isEqualTo(answer(snapshots.folded(a, year, at)));
                    if (fromVersions.known() && fromVersions.summaryLineage().equals(
                            org.ppi.budget.state.BudgetLineage.empty()) && fromVersions.lineage().isEmpty()) {
                        versioned++;
                    }
                }
            }
            if (k > 0) {
                Map<String, String> before = answer(snapshots.folded(a, null, instants.get(k - 1)));
                Map<String, String> after = answer(snapshots.folded(a, null, t));
                if (!before.equals(after)) {
                    assertThat(answer(snapshots.of(a, null, t.minusMillis(1)))).isEqualTo(before).isNotEqualTo(after);
                    moved++;
                }
            }
        }
        assertThat(versioned).as("answers from versions").isGreaterThan(instants.size());
        assertThat(moved).as("instants whose events changed the answer").isGreaterThanOrEqualTo(instants.size() / 2);
        List<String> rows = versionRows(a);
        assertThat(rows).as("2026 left play when 2027 became the default: a tombstone")
                .anyMatch(r -> r.startsWith("SUMMARY 2026 ") && r.endsWith(" null"));
        assertThat(rows).anyMatch(r -> r.startsWith("DEFAULT " + a + " ") && r.endsWith(" 2027"));
        assertThat(versions.at(a, FigureStore.SUMMARY, "2027", instants.get(instants.size() - 1))).isPresent();

        replay.replay(a, "auditora");
        assertThat(versionRows(a)).as("an institution replay rebuilds the same versions").isEqualTo(rows);

        String b = "budget-asof-b";
        apply(history(b).stream().flatMap(List::stream).toList());
        assertThat(versionRows(b).stream().map(r -> r.replace(b, a)).toList()).as("one batch").isEqualTo(rows);
    }

    /** DOMAIN.md's worked example, then plans, corrections and the institution's fiscal year, one list per instant. */
    private List<List<EventEnvelope>> history(String institution) {
        List<List<PpiEvent>> steps = new ArrayList<>();
        List<PpiEvent> chain = WorkedExample.valueChain(institution);
        steps.add(chain.subList(0, 4));
        steps.add(chain.subList(4, chain.size()));
        List<PpiEvent> costing = WorkedExample.costing(institution, CostingMethod.CLASSIC);
        costing.forEach(event -> steps.add(List.of(event)));
        steps.add(List.of(WorkedExample.plan(institution, "PR1", "P1", 2027, 1_500)));
        steps.add(List.of(WorkedExample.plan(institution, "PR2", "P2", 2027, 2)));
        steps.add(List.of(new InstitutionRegistered(institution, "admin", "Defensoría", "DO", "DOP", 2027,
                BigDecimal.valueOf(40), CostingMethod.CLASSIC)));
        steps.add(List.of(WorkedExample.plan(institution, "PR1", "P1", 2027, 1_800)));
        List<List<EventEnvelope>> history = new ArrayList<>();
        for (int k = 0; k < steps.size(); k++) {
            List<EventEnvelope> events = new ArrayList<>();
            for (int j = 0; j < steps.get(k).size(); j++) {
                PpiEvent payload = steps.get(k).get(j);
                String id = institution + "-" + k + "-" + j;
                events.add(new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), TOPIC, payload.aggregateId(),
                        T0.plusSeconds(10L * k), institution, payload.actingUser(), null, "trace-" + id, null, null,
                        payload, json.writeValueAsBytes(payload)));
            }
            history.add(events);
        }
        return history;
    }

    private void apply(List<EventEnvelope> events) {
        List<CloudEventReader.Delivery> deliveries = new ArrayList<>();
        for (EventEnvelope event : events) {
            deliveries.add(new CloudEventReader.Delivery(event, 0, offset++));
        }
        transaction.applyAll(deliveries, projection);
    }

    /** The year answered, its summary and programs as JSON (every field, amounts to the cent). */
    private Map<String, String> answer(BudgetSnapshot snapshot) {
        Map<String, String> answer = new TreeMap<>();
        answer.put("year", String.valueOf(snapshot.fiscalYear()));
        answer.put("summary", snapshot.summary() == null ? "null" : json.writeValueAsString(snapshot.summary()));
        snapshot.programs().forEach(p -> answer.put("PROGRAM:" + p.programId(), json.writeValueAsString(p)));
        return answer;
    }

    private List<String> versionRows(String institution) {
        return jdbc.sql("select kind || ' ' || figure_id || ' from ' || valid_from || ' until ' || coalesce(valid_until::text, "
                        + "'-') || ' ' || coalesce(detail, 'null') from figure_version where institution_id = ? "
                        + "order by kind, figure_id, valid_from")
                .param(institution).query(String.class).list();
    }
}
