package org.ppi.catalog.support;

import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.ppi.platform.testing.TestDatabase;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * Fresh, migrated databases for read-model tests: H2 in PostgreSQL mode (the embedded local start) and the real
 * PostgreSQL of the test run (its own schema each time), so every query is proven on both engines.
 */
public final class ReadModelDatabases {
    private static final String[] LOCATIONS = {"classpath:db/axon", "classpath:db/inbox", "classpath:db/migration"};

    private ReadModelDatabases() {
    }

    /** Arguments for {@code @MethodSource}: the engine's name (for the test's display name) and its data source. */
    public static Stream<org.junit.jupiter.params.provider.Arguments> both() {
        return Stream.of(org.junit.jupiter.params.provider.Arguments.of("h2", (Engine) ReadModelDatabases::h2),
                org.junit.jupiter.params.provider.Arguments.of("postgresql", (Engine) ReadModelDatabases::postgresql));
    }

    /** Creates the database lazily, inside the test, so a failure is reported against the right engine. */
    public interface Engine {
        DataSource create();
    }

    public static DataSource h2() {
        DataSource ds = new DriverManagerDataSource("jdbc:h2:mem:catalog_" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(ds).locations(LOCATIONS).load().migrate();
        return ds;
    }

    public static DataSource postgresql() {
        TestDatabase.Connection c = TestDatabase.connection();
        String schema = "t_catalog_rm_" + UUID.randomUUID().toString().substring(0, 8);
        DataSource ds = new DriverManagerDataSource(TestDatabase.withSchema(c.url(), schema), c.user(), c.password());
        Flyway.configure().dataSource(ds).schemas(schema).locations(LOCATIONS).load().migrate();
        return ds;
    }
}
