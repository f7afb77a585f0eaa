package org.ppi.launcher;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each service keeps its data: one H2 file per service (the embedded default), or one schema per
 * service in a PostgreSQL database (production shape, and the tests).
 */
public sealed interface Database {

    Map<String, String> environmentFor(ServiceSpec service);

    String describe();

    record EmbeddedH2(Path directory) implements Database {
        @Override
        public Map<String, String> environmentFor(ServiceSpec service) {
            return Map.of("PPI_DB_URL", "jdbc:h2:file:" + directory.resolve(service.databaseName()).toAbsolutePath()
                    + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_ON_EXIT=FALSE", "PPI_DB_USER", "sa");
        }

        @Override
        public String describe() {
            return "H2 embebida en " + directory.toAbsolutePath();
        }
    }

    /** @param url a PostgreSQL JDBC url without parameters, e.g. jdbc:postgresql://127.0.0.1:5432/postgres */
    record PostgreSQL(String url, String user, String password, String schemaPrefix) implements Database {
        public String schemaOf(ServiceSpec service) {
            return schemaPrefix + "_" + service.databaseName();
        }

        @Override
        public Map<String, String> environmentFor(ServiceSpec service) {
            Map<String, String> env = new HashMap<>();
            String schema = schemaOf(service);
            env.put("PPI_DB_URL", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
            env.put("PPI_DB_USER", user);
            env.put("PPI_DB_PASSWORD", password == null ? "" : password);
            env.put("SPRING_FLYWAY_SCHEMAS", schema);
            return env;
        }

        @Override
        public String describe() {
            return "PostgreSQL " + url + " (esquemas " + schemaPrefix + "_*)";
        }
    }
}
