package org.ppi.survey.readmodel;

import java.util.UUID;

import javax.sql.DataSource;

import org.ppi.platform.testing.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The read models on PostgreSQL (TEST_DB_URL, Testcontainers or the local server), in a fresh schema. */
class PostgresReadModelTest extends ReadModelContract {
    @Override
    DataSource emptyDatabase() {
        TestDatabase.Connection server = TestDatabase.connection();
        String schema = "t_survey_rm_" + UUID.randomUUID().toString().substring(0, 8);
        JdbcClient.create(new DriverManagerDataSource(server.url(), server.user(), server.password()))
                .sql("create schema " + schema).update();
        return new DriverManagerDataSource(TestDatabase.withSchema(server.url(), schema), server.user(), server.password());
    }
}
