package org.ppi.budget.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ppi.budget.projection.BudgetHistory;
import org.ppi.platform.projection.Outbox;
import org.ppi.platform.projection.RecalculationLog;
import org.ppi.budget.state.BudgetState;
import org.ppi.budget.state.WorkedExample;
import org.ppi.contracts.EventTypes;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.projection.EventLog;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The migrations and every statement of the write path and the history fold on H2 in PostgreSQL mode (the
 * local default database), where the integration test covers PostgreSQL: the SQL must stay portable.
 */
class FigureStoreOnH2Test {
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void storesFoldsAndForgetsYearsOnH2() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:budget-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/inbox", "classpath:db/projection", "classpath:db/migration")
                .load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        org.ppi.platform.projection.BatchedWrites writes = new org.ppi.platform.projection.BatchedWrites(
                new org.springframework.jdbc.core.JdbcTemplate(db));
        EventLog log = new EventLog(jdbc, json, writes);
        org.ppi.platform.projection.FigureVersions versions = new org.ppi.platform.projection.FigureVersions(
                "figure_version", writes, jdbc);
        FigureStore store = new FigureStore(jdbc, json, new Outbox(jdbc, json, writes), new RecalculationLog(jdbc, writes),
                versions, writes);
        BudgetState live = new BudgetState(WorkedExample.INSTITUTION);
        BudgetFigures figures = BudgetFigures.empty();
        Instant at = Instant.parse("2026-03-01T12:00:00Z");
        List<PpiEvent> events = new java.util.ArrayList<>(WorkedExample.all(CostingMethod.CLASSIC));
        events.add(WorkedExample.plan(WorkedExample.INSTITUTION, "PR1", "P1", 2027, 1_500));
        int n = 0;
        for (PpiEvent payload : events) {
            at = at.plusSeconds(1);
            EventEnvelope event = new EventEnvelope("ev-" + (++n), EventTypes.typeOf(payload.getClass()), "t",
                    payload.aggregateId(), at, payload.institutionId(), payload.actingUser(), null, null, null, null, payload,
                    json.writeValueAsBytes(payload));
            log.append(event);
            live.apply(event);
            BudgetFigures now = BudgetFigures.of(live);
            store.write(live, now, figures, event);
            figures = now;
        }

        assertThat(jdbc.sql("select fiscal_year from budget_summary").query(Integer.class).list())
                .as("2026 left play when 2027 got a plan").containsExactly(2027);
        assertThat(jdbc.sql("select budget from program_budget where program_id = 'PR1'").query(java.math.BigDecimal.class)
                .single()).isEqualByComparingTo("3518750");
        assertThat(jdbc.sql("select count(*) from recalculation_log where causation_event_id = ?").param("ev-" + n)
                .query(Long.class).single()).isPositive();
        assertThat(jdbc.sql("select count(*) from outbox where event_type like '%ProgramBudgetRecalculated%'")
                .query(Long.class).single()).isPositive();

        BudgetHistory history = new BudgetHistory(jdbc, json);
        assertThat(BudgetFigures.of(history.fold(WorkedExample.INSTITUTION, null))).isEqualTo(figures);
        BudgetState before = history.fold(WorkedExample.INSTITUTION, at.minusSeconds(1));
        assertThat(BudgetFigures.year(before, 2027, true).programs().get("PR1").view().budget())
                .isEqualByComparingTo("2815000");

        // the versions, written and read with the same statements as on PostgreSQL: 2027 was kept only once it got its
        // plan (before that, an as-of query of 2027 folds the history), 2026 until then (then a tombstone)
        String institution = WorkedExample.INSTITUTION;
        assertThat(versions.at(institution, FigureStore.programs(2027), "PR1", at.minusSeconds(1))).isEmpty();
        assertThat(versions.at(institution, FigureStore.programs(2027), "PR1", at)
                .map(d -> json.readTree(d).path("budget").decimalValue())).hasValueSatisfying(
                        b -> assertThat(b).isEqualByComparingTo("3518750"));
        assertThat(versions.all(institution, FigureStore.programs(2027), at)).hasSize(figures.years().get(2027).programs().size());
        assertThat(versions.at(institution, FigureStore.SUMMARY, "2026", at)).as("gone").isEmpty();
        assertThat(versions.at(institution, FigureStore.SUMMARY, "2026", at.minusSeconds(1))).isPresent();
        assertThat(versions.at(institution, FigureStore.DEFAULT, institution, at)).contains("2027");
    }
}
