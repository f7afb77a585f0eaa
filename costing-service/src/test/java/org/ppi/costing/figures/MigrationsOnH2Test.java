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
    }
}
