package org.ppi.launcher;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform on one machine: the in-process KRaft broker, then every service as its own JVM
 * (the executable jars the build made), and waits until each answers its health check. Used by the local
 * launcher and by the end-to-end tests, so both start the platform the same way.
 */
public final class Platform implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Platform.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);
    /**
     * Partitions of every platform topic: the broker's default and the services' {@code ppi.kafka.partitions}, one
     * number for all, so one institution's records of every topic share a partition number (the projections'
     * unit of order and of parallelism).
     */
    static final int TOPIC_PARTITIONS = 3;

    private final Path root;
    private final Path logs;
    private final Path identityKeys;
    private final Database database;
    private KafkaBroker broker;
    private final Path brokerDir;
    private final int brokerPort;
    private final String bootstrapServers;
    private final int portOffset;
    private final Map<ServiceSpec, Process> processes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<ServiceSpec, RestartBudget> restartBudgets = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean closing;
    private final IdentitySetup identity;

    private Platform(Path root, Path logs, Database database, KafkaBroker broker, Path brokerDir, int brokerPort,
                     String bootstrapServers, int portOffset, IdentitySetup identity) {
        this.identity = identity;
        this.root = root;
        this.logs = logs;
        // Beside the logs, in the same work folder: the identity provider's signing key survives restarts there.
        this.identityKeys = logs.getParent().resolve("identity");
        this.database = database;
        this.broker = broker;
        this.brokerDir = brokerDir;
        this.brokerPort = brokerPort;
        this.bootstrapServers = bootstrapServers;
        this.portOffset = portOffset;
    }

    /**
     * @param root the project root (module folders with target/*-exec.jar)
     * @param work where the broker's log, the service logs and (for H2) the databases go
     */
    public static Platform start(Path root, Path work, Database database, int kafkaPort) throws IOException {
        return start(root, work, database, kafkaPort, null, 0);
    }

    /**
     * @param externalKafka bootstrap servers of an existing broker, or null to start the in-process one
     * @param portOffset    added to every service port (tests run beside a local platform)
     */
    public static Platform start(Path root, Path work, Database database, int kafkaPort, String externalKafka,
                                 int portOffset) throws IOException {
        return start(root, work, database, kafkaPort, externalKafka, portOffset, IdentitySetup.embedded());
    }

    /** @param identity the embedded identity provider (and its settings) or the external one to trust */
    public static Platform start(Path root, Path work, Database database, int kafkaPort, String externalKafka,
                                 int portOffset, IdentitySetup identity) throws IOException {
        Path logs = work.resolve("logs");
        Files.createDirectories(logs);
        Instant begin = Instant.now();
        KafkaBroker broker = null;
        String bootstrap = externalKafka;
        if (externalKafka == null) {
            broker = KafkaBroker.start(work.resolve("kafka"), kafkaPort, TOPIC_PARTITIONS);
            bootstrap = broker.bootstrapServers();
            log.info("Kafka (KRaft) listo en {} en {} ms", bootstrap, Duration.between(begin, Instant.now()).toMillis());
        }
        Platform platform = new Platform(root, logs, database, broker, work.resolve("kafka"), kafkaPort, bootstrap, portOffset,
                identity);
        try {
            if (identity.isEmbedded()) {
                // First and awaited: the gateway and the services read its discovery document and keys.
                platform.launch(ServiceSpec.IDENTITY);
                platform.awaitHealthy(ServiceSpec.IDENTITY, Instant.now().plus(Duration.ofMinutes(2)));
            }
            for (ServiceSpec service : ServiceSpec.BACKENDS) {
                platform.launch(service);
            }
            platform.launch(ServiceSpec.GATEWAY);
            platform.awaitHealthy(Duration.ofMinutes(4));
        } catch (IOException | RuntimeException e) {
            platform.close();
            throw e;
        }
        return platform;
    }

    public void launch(ServiceSpec service) throws IOException {
        Path jar = root.resolve(service.module()).resolve("target").resolve(service.module() + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Falta " + jar + ": compile primero con mvn package");
        }
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xss512k", "-Xmx384m", "-Daxoniq.update-checker.disabled=true", "-Ddisable-axoniq-console-message=true"));
        // e.g. PPI_SERVICE_JVM_OPTIONS="-XX:StartFlightRecording=filename=/tmp/{service}.jfr" to profile every service
        String extra = System.getenv("PPI_SERVICE_JVM_OPTIONS");
        if (extra != null && !extra.isBlank()) {
            for (String option : extra.trim().split("\\s+")) {
                command.add(option.replace("{service}", service.module()));
            }
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service.module() + ".log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("PORT", String.valueOf(port(service)));
        env.put("PPI_KAFKA", bootstrapServers);
        env.put("PPI_KAFKA_PARTITIONS", String.valueOf(TOPIC_PARTITIONS));
        for (ServiceSpec backend : ServiceSpec.BACKENDS) {
            env.put("PPI_" + backend.databaseName().toUpperCase(java.util.Locale.ROOT) + "_URL", "http://localhost:" + port(backend));
        }
        env.put("AXONIQ_UPDATE_CHECKER_DISABLED", "true");
        // The one issuer every process names and checks (identity contract), and the gateway's public address.
        env.put("PPI_ISSUER_URI", issuer().toString());
        env.put("PPI_GATEWAY_URL", gateway().toString());
        if (identity.isEmbedded()) {
            // The gateway routes /api/identity/** (user administration) to the embedded provider.
            env.put("PPI_IDENTITY_URL", issuer().toString());
        }
        if (service.equals(ServiceSpec.IDENTITY)) {
            env.put("PPI_IDENTITY_KEY_DIR", identityKeys.toAbsolutePath().toString());
            env.putAll(identity.identityEnvironment());
        } else {
            env.putAll(identity.environment());
        }
        if (!service.equals(ServiceSpec.IDENTITY) && !service.equals(ServiceSpec.GATEWAY)) {
            env.putAll(database.environmentFor(service));
        }
        processes.put(service, builder.start());
        log.info("{} arrancando en el puerto {} (registro: {})", service.module(), port(service),
                logs.resolve(service.module() + ".log"));
    }

    /**
     * Watches the services (what {@code ./ppi start} does): one that dies on its own — not stopped by {@link #kill}
     * or {@link #close} — is started again, at most 3 times in 5 minutes; then it is left down, said in the log.
     */
    public void superviseRestarts() {
        Thread watchdog = new Thread(() -> {
            while (!closing) {
                sleep(2000);
                List<Map.Entry<ServiceSpec, Process>> dead;
                synchronized (processes) {
                    dead = processes.entrySet().stream().filter(e -> !e.getValue().isAlive()).map(e -> Map.entry(e.getKey(), e.getValue())).toList();
                }
                for (Map.Entry<ServiceSpec, Process> entry : dead) {
                    restartIfDied(entry.getKey(), entry.getValue());
                }
            }
        }, "ppi-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }

    private void restartIfDied(ServiceSpec service, Process died) {
        if (closing || processes.get(service) != died) {
            return;
        }
        RestartBudget budget = restartBudgets.computeIfAbsent(service, s -> new RestartBudget(3, Duration.ofMinutes(5)));
        if (!budget.allow(Instant.now())) {
            processes.remove(service);
            log.error("{} terminó otra vez (código {}): se deja detenido tras 3 reinicios en 5 minutos; vea {}",
                    service.module(), died.exitValue(), logs.resolve(service.module() + ".log"));
            return;
        }
        log.warn("{} terminó inesperadamente (código {}); reiniciándolo", service.module(), died.exitValue());
        try {
            launch(service);
        } catch (IOException | RuntimeException e) {
            log.error("No se pudo reiniciar {}: {}", service.module(), e.toString());
        }
    }

    /** The resident memory of a running service in KiB (Linux {@code /proc}), or -1 when it is not running or unknown. */
    public long residentKib(ServiceSpec service) {
        Process process = processes.get(service);
        if (process == null || !process.isAlive()) {
            return -1;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            log.debug("No RSS for {}: {}", service.module(), e.toString());
        }
        return -1;
    }

    /** Stops one service at once (SIGKILL), as a crash would. */
    public void kill(ServiceSpec service) throws InterruptedException {
        Process process = processes.remove(service);
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
        }
    }

    /**
     * Waits until every started service answers its health check, saying each one's state as it changes (and,
     * every {@link #PROGRESS_EVERY}, which ones are still starting) so a person at the terminal never wonders.
     */
    public void awaitHealthy(Duration timeout) {
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        List<ServiceSpec> waiting;
        synchronized (processes) {
            waiting = new ArrayList<>(processes.keySet());
        }
        Instant nextReport = begin.plus(PROGRESS_EVERY);
        while (!waiting.isEmpty()) {
            for (java.util.Iterator<ServiceSpec> it = waiting.iterator(); it.hasNext(); ) {
                ServiceSpec service = it.next();
                if (healthy(service, deadline)) {
                    it.remove();
                    log.info("{} listo ({} s)", service.module(), Duration.between(begin, Instant.now()).toSeconds());
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(nextReport)) {
                log.info("Esperando a {} ({} s)", waiting.stream().map(ServiceSpec::module).toList(),
                        Duration.between(begin, Instant.now()).toSeconds());
                nextReport = Instant.now().plus(PROGRESS_EVERY);
            }
            if (!waiting.isEmpty()) {
                sleep(500);
            }
        }
    }

    public void awaitHealthy(ServiceSpec service, Instant deadline) {
        while (!healthy(service, deadline)) {
            sleep(500);
        }
    }

    /** One health check: true when it answers 200; fails when the process died or the deadline passed. */
    private boolean healthy(ServiceSpec service, Instant deadline) {
        Process process = processes.get(service);
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException(service.module() + " terminó al arrancar; vea " + logs.resolve(service.module() + ".log"));
        }
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(health(service)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return true;
            }
        } catch (IOException e) {
            // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (Instant.now().isAfter(deadline)) {
            throw new IllegalStateException(service.module() + " no respondió a tiempo; vea " + logs.resolve(service.module() + ".log"));
        }
        return false;
    }

    private URI health(ServiceSpec service) {
        return URI.create("http://localhost:" + port(service) + "/actuator/health");
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    public int port(ServiceSpec service) {
        return service.port() + portOffset;
    }

    public URI gateway() {
        return URI.create("http://localhost:" + port(ServiceSpec.GATEWAY));
    }

    /** The identity provider's issuer URI (its discovery document is under /.well-known/openid-configuration). */
    public URI issuer() {
        return identity.isEmbedded() ? URI.create("http://localhost:" + port(ServiceSpec.IDENTITY)) : identity.externalIssuer();
    }

    /** Stops the in-process broker, as a Kafka outage would; the services keep running. */
    public void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    /** Starts the in-process broker again on the same port and data, as after an outage. */
    public void startBroker() throws IOException {
        if (broker == null) {
            broker = KafkaBroker.start(brokerDir, brokerPort, TOPIC_PARTITIONS);
        }
    }

    /** Starts a service that was killed, and waits until it answers. */
    public void restart(ServiceSpec service, Duration timeout) throws IOException {
        launch(service);
        awaitHealthy(service, Instant.now().plus(timeout));
    }

    public Path logs() {
        return logs;
    }

    @Override
    public void close() {
        closing = true;
        List<ServiceSpec> services;
        synchronized (processes) {
            services = new ArrayList<>(processes.keySet());
        }
        for (ServiceSpec service : reversed(services)) {
            processes.get(service).destroy();
        }
        for (ServiceSpec service : services) {
            try {
                Process p = processes.get(service);
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        processes.clear();
        if (broker != null) {
            broker.close();
        }
    }

    private static <T> List<T> reversed(List<T> list) {
        List<T> copy = new ArrayList<>(list);
        java.util.Collections.reverse(copy);
        return copy;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
