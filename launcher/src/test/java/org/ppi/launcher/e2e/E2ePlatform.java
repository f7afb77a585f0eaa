package org.ppi.launcher.e2e;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.ppi.launcher.Database;
import org.ppi.launcher.IdentitySetup;
import org.ppi.launcher.Platform;
import org.ppi.platform.testing.TestDatabase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one platform of the end-to-end classes, started once for the whole test run (as the launcher starts it:
 * identity provider, in-process KRaft broker, every service as its own JVM on a real PostgreSQL, the gateway) and
 * stopped when the run ends. Two institutions with a user per role ({@link E2eUsers}): {@value #SEED} (the seed's
 * table) and {@value #DEMO} (the demo institution).
 */
final class E2ePlatform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(E2ePlatform.class);
    static final String SEED = "e2e-seed";
    static final String DEMO = "e2e-demo";
    /** The institution migrated from the seed-sized Airtable export ({@code AirtableMigrationEndToEndTest}). */
    static final String AIRTABLE = "e2e-airtable";
    /** The institution the fault suite drives while services, the broker and the database fail. */
    static final String FAULTS = "e2e-faults";
    /** The institution whose history, loaded through the gateway, the bench copies into a synthetic deployment. */
    static final String BENCH = "e2e-bench";

    final Platform platform;
    final Database.PostgreSQL database;
    final URI issuer;
    final long startSeconds;

    private E2ePlatform(Platform platform, Database.PostgreSQL database, long startSeconds) {
        this.platform = platform;
        this.database = database;
        this.issuer = platform.issuer();
        this.startSeconds = startSeconds;
    }

    /** The platform admin (no institution). */
    GatewayClient admin() {
        return new GatewayClient(platform.gateway(), E2eUsers.admin(issuer));
    }

    /** The user holding {@code role} in {@code institution}. */
    GatewayClient as(String institution, String role) {
        return new GatewayClient(platform.gateway(), E2eUsers.of(issuer, institution, role));
    }

    /** Somebody with no token at all. */
    GatewayClient anonymous() {
        return new GatewayClient(platform.gateway(), null);
    }

    private static E2ePlatform start() {
        try {
            Path root = Path.of("").toAbsolutePath().getParent();
            TestDatabase.Connection db = TestDatabase.connection();
            String prefix = "e2e_" + UUID.randomUUID().toString().substring(0, 8);
            Instant begin = Instant.now();
            E2eUsers users = new E2eUsers(Map.of(SEED, List.of("s-gestion"), DEMO, List.of(DEMO + ".C01"),
                    AIRTABLE, List.of(AIRTABLE + ".C01"), FAULTS, List.of("f-c1"), BENCH, List.of(BENCH + ".C01")),
                    Map.of(BENCH, ProjectionBenchEndToEndTest.WRITERS));
            Database.PostgreSQL database = new Database.PostgreSQL(db.url(), db.user(), db.password(), prefix);
            Platform platform = Platform.start(root, root.resolve("launcher/target/e2e-" + prefix), database, freePort(), null, 10000,
                    IdentitySetup.embedded(users.identityEnvironment()));
            long seconds = Duration.between(begin, Instant.now()).toSeconds();
            log.info("Platform up in {} s (schemas {}_*)", seconds, prefix);
            return new E2ePlatform(platform, database, seconds);
        } catch (Exception e) {
            throw new IllegalStateException("The end-to-end platform did not start", e);
        }
    }

    @Override
    public void close() {
        platform.close();
    }

    /** A free port whose successor (the broker's controller listener) is free too. */
    private static int freePort() throws Exception {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (java.io.IOException taken) {
                // try another pair
            }
        }
        throw new IllegalStateException("no pair of free ports");
    }

    /** Gives a test class the shared platform (a constructor or method parameter of type E2ePlatform). */
    static final class Shared implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == E2ePlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(E2ePlatform.class, k -> start(), E2ePlatform.class);
        }
    }
}
