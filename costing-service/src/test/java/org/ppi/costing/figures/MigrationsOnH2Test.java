package org.ppi.costing.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.ppi.platform.projection.BatchedWrites;
import org.ppi.platform.projection.FigureVersions;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * costing's migrations and its figures' versions on H2 in PostgreSQL mode (the local default database, which the
 * launcher runs on), where the integration tests cover PostgreSQL: the SQL must stay portable. Figures stored before
 * versions existed become versions from the institution's last settle.
 */
class MigrationsOnH2Test {

    @Test
    void migratesBackfillsAndKeepsVersionsOnH2() {
        DriverManagerDataSource db = new DriverManagerDataSource(
                "jdbc:h2:mem:costing-h2;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa", "");
        Flyway.configure().dataSource(db).locations("classpath:db/inbox", "classpath:db/projection", "classpath:db/migration")
                .target("4").load().migrate();
        JdbcClient jdbc = JdbcClient.create(db);
        Instant settled = Instant.parse("2026-03-01T12:00:00Z");
        jdbc.sql("insert into institution_cost (institution_id, total_cost, reconciled, detail, causation_event_id, "
                + "acting_user, effective_at, version) values ('i', 10, true, '{\"totalCost\":10}', 'e2', 'u', ?, 2)")
                .param(Timestamp.from(settled)).update();
        Flyway.configure().dataSource(db).locations("classpath:db/inbox", "classpath:db/projection", "classpath:db/migration")
                .load().migrate();
        FigureVersions versions = new FigureVersions("figure_version", new BatchedWrites(new JdbcTemplate(db)), jdbc);
        assertThat(versions.at("i", "INSTITUTION", "i", settled)).contains("{\"totalCost\":10}");
        assertThat(versions.at("i", "INSTITUTION", "i", settled.minusMillis(1))).as("before versions were kept").isEmpty();

        versions.record("i", "INSTITUTION", "i", settled.plusSeconds(1), "{\"totalCost\":11}");
        versions.record("i", "PRODUCT", "p", settled.plusSeconds(1), "{\"p\":1}");
        versions.record("i", "PRODUCT", "q", settled.plusSeconds(1), "{\"q\":1}");
        versions.record("i", "PRODUCT", "p", settled.plusSeconds(2), null);
        assertThat(versions.at("i", "INSTITUTION", "i", settled.plusSeconds(1))).contains("{\"totalCost\":11}");
        assertThat(versions.all("i", "PRODUCT", settled.plusSeconds(1))).containsExactly("{\"p\":1}", "{\"q\":1}");
        assertThat(versions.all("i", "PRODUCT", settled.plusSeconds(2))).as("p gone").containsExactly("{\"q\":1}");
        assertThat(jdbc.sql("select count(*) from figure_version where valid_until is null").query(Long.class).single())
                .as("one current version per figure").isEqualTo(3);

        // Inside a batch (a polled batch: several settles, one flush): q's versions at three instants get their exact
        // ranges; p's late one (recorded before its current tombstone) goes into the current version; a version of
        // the same instant twice keeps the last.
        BatchedWrites writes = new BatchedWrites(new JdbcTemplate(db));
        FigureVersions batched = new FigureVersions("figure_version", writes, jdbc);
        writes.batching(() -> {
            batched.record("i", "PRODUCT", "q", settled.plusSeconds(3), "{\"q\":3}");
            batched.record("i", "PRODUCT", "q", settled.plusSeconds(4), "{\"q\":4-first}");
            batched.record("i", "PRODUCT", "q", settled.plusSeconds(4), "{\"q\":4}");
            batched.record("i", "PRODUCT", "q", settled.plusSeconds(5), "{\"q\":5}");
            batched.record("i", "PRODUCT", "p", settled.plusSeconds(1), "{\"p\":late}");
            batched.record("i", "PRODUCT", "p", settled.plusSeconds(6), "{\"p\":6}");
            assertThat(jdbc.sql("select count(*) from figure_version where figure_id = 'q'").query(Long.class).single())
                    .as("nothing sent before the flush").isEqualTo(1);
            return null;
        });
        assertThat(jdbc.sql("select valid_from || ' ' || coalesce(cast(valid_until as varchar), '-') || ' ' || "
                        + "coalesce(detail, 'null') from figure_version where figure_id = 'q' order by valid_from")
                .query(String.class).list().stream().map(r -> r.replace(".0", "")).toList())
                .containsExactly("2026-03-01 12:00:01 2026-03-01 12:00:03 {\"q\":1}",
                        "2026-03-01 12:00:03 2026-03-01 12:00:04 {\"q\":3}",
                        "2026-03-01 12:00:04 2026-03-01 12:00:05 {\"q\":4}", "2026-03-01 12:00:05 - {\"q\":5}");
        assertThat(versions.at("i", "PRODUCT", "p", settled.plusSeconds(2))).as("the late event in the current version")
                .contains("{\"p\":late}");
        assertThat(versions.at("i", "PRODUCT", "p", settled.plusSeconds(6))).contains("{\"p\":6}");
        assertThat(jdbc.sql("select count(*) from figure_version where valid_until is null").query(Long.class).single())
                .as("still one current version per figure").isEqualTo(3);
    }
}
