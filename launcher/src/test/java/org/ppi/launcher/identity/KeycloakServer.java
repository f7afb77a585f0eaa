package org.ppi.launcher.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Keycloak for tests: the {@code org.keycloak:keycloak-quarkus-dist} zip that Maven unpacks once into
 * {@code ~/.m2/ppi-cache/keycloak-<version>} (launcher/pom.xml, phase pre-integration-test), started with
 * {@code kc.sh start-dev --import-realm} on free ports with the PPI realm file.
 *
 * <p>Each server gets its own home under {@code workDir}: a copy of {@code bin/kc.sh} (kc.sh takes its home from
 * its own location), symbolic links to the shared {@code lib}, {@code conf}, {@code themes}, {@code providers}, and
 * its own {@code data} (H2 database, {@code data/import/ppi-realm.json}). The Quarkus build ("augmentation", ~20 s)
 * happens on the first start and is kept in the shared {@code lib/quarkus}, so later starts skip it as long as the
 * build options below stay the same; the first start holds a file lock so two test JVMs do not build at once.
 *
 * <pre>{@code
 * try (KeycloakServer kc = KeycloakServer.builder().env("PPI_GATEWAY_REDIRECT_URI", redirect).start()) {
 *     KeycloakServer.Endpoints e = kc.endpoints();   // issuer, http port, management port
 *     String token = kc.passwordGrant("analista", "demo").accessToken();
 * }
 * }</pre>
 *
 * <p>The server is started with {@code --hostname=http://localhost:<port>} and
 * {@code --hostname-backchannel-dynamic=true}, as docker-compose.yml runs it: the issuer is always
 * {@code http://localhost:<port>/realms/ppi}, while a request to another host name (for instance
 * {@code 127.0.0.1}) gets back-channel endpoints (token, JWKS, userinfo) on that host.
 */
public final class KeycloakServer implements AutoCloseable {
    public static final String VERSION = "26.7.3";
    public static final String REALM = "ppi";
    /** Master-realm administrator created at first start (admin REST API, admin console); test only. */
    public static final String ADMIN_USER = "kc-admin";
    public static final String ADMIN_PASSWORD = "kc-admin";
    public static final String CLI_CLIENT = "ppi-cli";
    public static final String CLI_SECRET = "ppi-cli";
    public static final String GATEWAY_CLIENT = "ppi-gateway";
    public static final String GATEWAY_SECRET = "ppi-gateway-secret";

    /** Build-time options: changing them makes Keycloak build again (~20 s) on the next start. */
    private static final List<String> BUILD_OPTIONS = List.of("--health-enabled=true");

    private static final Logger log = LoggerFactory.getLogger(KeycloakServer.class);

    /** Where the server answers: the issuer (also the token's {@code iss}) and the two ports. */
    public record Endpoints(URI issuer, int httpPort, int managementPort) {
        public URI baseUri() { return URI.create("http://localhost:" + httpPort); }
        public URI discovery() { return URI.create(issuer + "/.well-known/openid-configuration"); }
        public URI authorizationEndpoint() { return URI.create(issuer + "/protocol/openid-connect/auth"); }
        public URI tokenEndpoint() { return URI.create(issuer + "/protocol/openid-connect/token"); }
        public URI jwksUri() { return URI.create(issuer + "/protocol/openid-connect/certs"); }
        public URI userInfoEndpoint() { return URI.create(issuer + "/protocol/openid-connect/userinfo"); }
        public URI health() { return URI.create("http://localhost:" + managementPort + "/health/ready"); }
    }

    /** The raw answer of the token endpoint. */
    public record TokenResponse(int status, String body) {
        public String accessToken() { return field("access_token"); }
        public String idToken() { return field("id_token"); }
        public String refreshToken() { return field("refresh_token"); }
        public String field(String name) {
            if (status != 200) {
                throw new IllegalStateException("token endpoint answered " + status + ": " + body);
            }
            var node = Json.MAPPER.readTree(body).get(name);
            return node == null || node.isNull() ? null : node.asString();
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private Path home = defaultHome();
        private Path realmFile = defaultRealmFile();
        private Path workDir;
        private final Map<String, String> env = new LinkedHashMap<>();
        private final List<String> extraArgs = new ArrayList<>();
        private Duration startTimeout = Duration.ofMinutes(4);

        /** The unpacked distribution (default: system property {@code ppi.keycloak.home}, env {@code PPI_KEYCLOAK_HOME}, ~/.m2/ppi-cache). */
        public Builder home(Path home) { this.home = home; return this; }
        /** The realm file to import (default: identity/keycloak/ppi-realm.json of this repository). */
        public Builder realmFile(Path realmFile) { this.realmFile = realmFile; return this; }
        /** Where this server's home (data, log) goes (default: launcher/target/keycloak-<random>). */
        public Builder workDir(Path workDir) { this.workDir = workDir; return this; }
        /** Environment of the Keycloak process, e.g. the realm file's {@code PPI_GATEWAY_REDIRECT_URI}. */
        public Builder env(String name, String value) { env.put(name, value); return this; }
        /** More runtime options for {@code kc.sh start-dev} (build options would trigger a rebuild). */
        public Builder arg(String option) { extraArgs.add(option); return this; }
        public Builder startTimeout(Duration timeout) { this.startTimeout = timeout; return this; }

        public KeycloakServer start() {
            return new KeycloakServer(this).launch();
        }
    }

    private final Builder config;
    private final Path runHome;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;
    private Endpoints endpoints;
    private Thread shutdownHook;
    private Duration startDuration;

    private KeycloakServer(Builder config) {
        this.config = config;
        Path work = config.workDir != null ? config.workDir
                : Path.of("target", "keycloak-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        this.runHome = work.resolve("home");
        this.logFile = work.resolve("keycloak.log");
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    /** Issuer of the realm, e.g. {@code http://localhost:41234/realms/ppi}: what {@code PPI_ISSUER_URI} should be. */
    public URI issuerUri() {
        return endpoints.issuer();
    }

    public Path logFile() {
        return logFile;
    }

    /** How long the last start took until the realm answered. */
    public Duration startDuration() {
        return startDuration;
    }

    /** A user token through the LOCAL ONLY password grant of {@code ppi-cli}. */
    public TokenResponse passwordGrant(String username, String password) {
        return token(CLI_CLIENT, CLI_SECRET, Map.of("grant_type", "password", "username", username,
                "password", password, "scope", "openid"));
    }

    /** POST to the token endpoint with client_secret_basic authentication. */
    public TokenResponse token(String clientId, String secret, Map<String, String> form) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(endpoints.tokenEndpoint())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))).build();
        HttpResponse<String> response = send(request);
        return new TokenResponse(response.statusCode(), response.body());
    }

    /** {@code application/x-www-form-urlencoded} of the given fields, in their order. */
    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private KeycloakServer launch() {
        Path kcHome = config.home.toAbsolutePath();
        if (!Files.isRegularFile(kcHome.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + kcHome + ": run `mvn -pl launcher "
                    + "verify` (it unpacks org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip there) or set "
                    + "-Dppi.keycloak.home");
        }
        if (!Files.isRegularFile(config.realmFile)) {
            throw new IllegalStateException("No realm file at " + config.realmFile);
        }
        try {
            prepareHome(kcHome);
            Path marker = kcHome.resolve(".ppi-built-" + Integer.toHexString(String.join(" ", BUILD_OPTIONS).hashCode()));
            if (Files.exists(marker)) {
                startAndAwait();
            } else {
                // First start builds into the shared lib/quarkus: one JVM at a time.
                try (FileChannel channel = FileChannel.open(kcHome.resolve(".ppi-build.lock"),
                        StandardOpenOption.CREATE, StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                    startAndAwait();
                    Files.writeString(marker, "built for " + BUILD_OPTIONS + "\n");
                }
            }
            return this;
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private void prepareHome(Path kcHome) throws IOException {
        Files.createDirectories(runHome.resolve("bin"));
        Files.copy(kcHome.resolve("bin/kc.sh"), runHome.resolve("bin/kc.sh"), StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.COPY_ATTRIBUTES);
        runHome.resolve("bin/kc.sh").toFile().setExecutable(true);
        for (String shared : List.of("lib", "conf", "themes", "providers")) {
            Path link = runHome.resolve(shared);
            if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Files.createSymbolicLink(link, kcHome.resolve(shared));
            }
        }
        Path imports = Files.createDirectories(runHome.resolve("data/import"));
        Files.copy(config.realmFile, imports.resolve("ppi-realm.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void startAndAwait() throws IOException {
        int[] ports = freePorts(2);
        URI issuer = URI.create("http://localhost:" + ports[0] + "/realms/" + REALM);
        endpoints = new Endpoints(issuer, ports[0], ports[1]);
        List<String> command = new ArrayList<>(List.of(runHome.resolve("bin/kc.sh").toString(), "start-dev",
                "--http-port=" + ports[0], "--http-management-port=" + ports[1],
                "--hostname=http://localhost:" + ports[0], "--hostname-backchannel-dynamic=true",
                "--import-realm"));
        command.addAll(BUILD_OPTIONS);
        command.addAll(config.extraArgs);
        ProcessBuilder pb = new ProcessBuilder(command).directory(runHome.toFile())
                .redirectErrorStream(true).redirectOutput(logFile.toFile());
        Map<String, String> env = pb.environment();
        // The realm file reads PPI_* placeholders: start from its defaults, not from the caller's shell.
        env.keySet().removeIf(k -> k.startsWith("PPI_") || k.startsWith("KC_") || k.startsWith("JAVA_OPTS"));
        env.put("JAVA_HOME", System.getProperty("java.home"));
        // C1 only, like the project's surefire argLine: on 2 busy cores the start took 35 s instead of 61 s.
        env.put("JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1");
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER);
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.putAll(config.env);
        long begin = System.nanoTime();
        log.info("Starting Keycloak {} on :{} (management :{}), log {}", VERSION, ports[0], ports[1], logFile);
        process = pb.start();
        shutdownHook = new Thread(this::stopProcess, "keycloak-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        awaitReady(begin);
        startDuration = Duration.ofNanos(System.nanoTime() - begin);
        log.info("Keycloak ready in {} s: issuer {}", startDuration.toMillis() / 1000.0, issuer);
    }

    private void awaitReady(long begin) {
        long deadline = begin + config.startTimeout.toNanos();
        boolean healthy = false;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; log tail:\n" + logTail());
            }
            healthy = healthy || status(endpoints.health()) == 200;
            // Health first (server up), then the realm (import done).
            if (healthy && status(endpoints.discovery()) == 200) {
                return;
            }
            sleep(500);
        }
        throw new IllegalStateException("Keycloak not ready after " + config.startTimeout + "; log tail:\n" + logTail());
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Stops the whole process tree (kc.sh and its JVM). */
    @Override
    public void close() {
        stopProcess();
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // already running
            }
            shutdownHook = null;
        }
    }

    private synchronized void stopProcess() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (Exception notYet) {
                p.destroyForcibly();
            }
        }
        process = null;
    }

    private static int[] freePorts(int n) throws IOException {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket s = new ServerSocket(0);
                sockets.add(s);
                ports[i] = s.getLocalPort();
            }
            return ports;
        } finally {
            for (ServerSocket s : sockets) {
                s.close();
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path defaultHome() {
        String configured = System.getProperty("ppi.keycloak.home", System.getenv("PPI_KEYCLOAK_HOME"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "ppi-cache", "keycloak-" + VERSION);
    }

    /** identity/keycloak/ppi-realm.json, found from the launcher module or the repository root. */
    static Path defaultRealmFile() {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("identity/keycloak/ppi-realm.json");
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        return here.resolve("../identity/keycloak/ppi-realm.json").normalize();
    }

    /** One shared JSON mapper for the harness and its tests. */
    static final class Json {
        static final tools.jackson.databind.ObjectMapper MAPPER = tools.jackson.databind.json.JsonMapper.builder().build();

        private Json() {
        }
    }
}
