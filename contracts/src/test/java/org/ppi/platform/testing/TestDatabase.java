package org.ppi.platform.testing;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * A real PostgreSQL for a test run: the server named by {@code TEST_DB_URL} (CI and this machine: the local
 * server), else a Testcontainers PostgreSQL where Docker runs, else the conventional local server. Each run
 * gets its own schema (t_<service>_<random>), so runs never see each other's rows; the schemas are left
 * for inspection (a CI machine is fresh).
 */
public final class TestDatabase {
    private static PostgreSQLContainer container;

    private TestDatabase() {
    }

    public static void register(DynamicPropertyRegistry registry, String service) {
        Connection connection = connection();
        String schema = "t_" + service.replace('-', '_') + "_" + UUID.randomUUID().toString().substring(0, 8);
        registry.add("spring.datasource.url", () -> withSchema(connection.url(), schema));
        registry.add("spring.datasource.username", connection::user);
        registry.add("spring.datasource.password", connection::password);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    /** The JDBC url, user and password of the test server. */
    public static Connection connection() {
        String url = System.getenv("TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Connection(url, env("TEST_DB_USER", "postgres"), env("TEST_DB_PASSWORD", ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            synchronized (TestDatabase.class) {
                if (container == null) {
                    container = new PostgreSQLContainer("postgres:15-alpine");
                    container.start();
                }
            }
            return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        return new Connection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
    }

    public static String withSchema(String url, String schema) {
        return url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    public record Connection(String url, String user, String password) {
    }
}
