package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ppi.launcher.Platform;
import org.ppi.launcher.ServiceSpec;
import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoLoader;
import org.ppi.launcher.demo.LoadReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The projections' bench (issue #14), measured on the running platform: one institution loaded through the gateway,
 * its history copied into a synthetic deployment of institutions of mixed sizes and written into the topics as the
 * relay writes them; then, in the same run, the machine's own limits (a plain consumer reading the topics from
 * offset 0; batched upserts into PostgreSQL), the live catch-up, and the replays of costing and budget from offset 0
 * with their ratio to the raw consumer; the services' memory. Every institution's figures after the replays must be
 * the live ones to the cent. {@code ./ppi test} runs the small size; {@code ./ppi bench} the default one
 * ({@code -Dppi.bench=default}), {@code ./ppi bench --national} the national one.
 */
@Order(6)
@ExtendWith(E2ePlatform.Shared.class)
class ProjectionBenchEndToEndTest {
    private static final Logger log = LoggerFactory.getLogger(ProjectionBenchEndToEndTest.class);
    private static final List<String> INPUTS = List.of("ppi.survey.events", "ppi.catalog.events", "ppi.valuechain.events");

    /** How many institutions of how many times the template's size (the template: 30 centers, 87 employees, 258 products). */
    /**
     * @param commandsPerSecond allocation commands through the gateway, each timed until the cost query shows it
     * @param readsPerSecond cost and budget queries through the gateway (live, then {@code asOf} past dates)
     */
    record Size(String name, Map<Integer, Integer> institutionsByCopies, int commandsPerSecond, int readsPerSecond,
                int asOfReadsPerSecond, Duration loadFor) {
        static Size of(String name) {
            return switch (name) {
                // a Poder Judicial (1,479 employees, 4,386 products), 40 medium and 256 small institutions
                // the goals: 200 commands/s for a minute, 500 reads/s (live and asOf)
                case "national" -> new Size(name, Map.of(17, 4, 3, 40, 1, 256), 200, 500, 500, Duration.ofSeconds(60));
                case "default" -> new Size(name, Map.of(6, 1, 2, 3, 1, 12), 200, 500, 500, Duration.ofSeconds(30));
                default -> new Size("small", Map.of(2, 1, 1, 2), 5, 20, 10, Duration.ofSeconds(6));
            };
        }

        int institutions() {
            return institutionsByCopies.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final E2ePlatform e2e;
    private final Platform platform;
    private final GatewayClient admin;

    ProjectionBenchEndToEndTest(E2ePlatform e2e) {
        this.e2e = e2e;
        this.platform = e2e.platform;
        this.admin = e2e.admin();
    }

    @Test
    void replaysOfASyntheticDeploymentGiveTheLiveFiguresToTheCentAndAreMeasuredBesideTheMachinesLimits() throws Exception {
        Size size = Size.of(System.getProperty("ppi.bench", "small"));
        // each figure is logged as it is measured too: a long (national) run that stops half-way still says how far it got
        Map<String, Object> table = new LinkedHashMap<>() {
            @Override
            public Object put(String key, Object value) {
                log.info("Projection bench ({}): {} = {}", size.name(), key, value);
                return super.put(key, value);
            }
        };
        table.put("size", size.name() + " (" + size.institutions() + " institutions)");

        Instant begin = Instant.now();
        Instant templateLoaded = begin;
        LoadReport report = new DemoLoader(platform.gateway(), java.net.http.HttpClient.newHttpClient()).load(
                DemoInstitution.bundled().prefixed(E2ePlatform.BENCH), E2eUsers.admin(e2e.issuer),
                E2eUsers.of(e2e.issuer, E2ePlatform.BENCH, "institution-admin"));
        table.put("template through the gateway: commands, s", report.commands() + ", " + seconds(begin));
        templateLoaded = Instant.now();
        awaitCaughtUp(Duration.ofMinutes(3));

        List<ConsumerRecord<String, byte[]>> template = TopicReader.records(platform.bootstrapServers(), INPUTS).stream()
                .filter(r -> E2ePlatform.BENCH.equals(HistoryCloner.header(r, "ce_tenantid"))).toList();
        HistoryCloner cloner = new HistoryCloner(E2ePlatform.BENCH, template);
        table.put("template events", cloner.templateEvents());
        assertThat(cloner.templateEvents()).as("the template institution's events on the topics").isGreaterThan(800);

        begin = Instant.now();
        long written = write(cloner, size);
        double writeSeconds = seconds(begin);
        table.put("synthetic events written, s, events/s", written + ", " + writeSeconds + ", " + Math.round(written / writeSeconds));
        awaitCaughtUp(Duration.ofMinutes(size.name().equals("small") ? 10 : 240));
        double live = seconds(begin);
        table.put("live catch-up of costing and budget, s, events/s", live + ", " + Math.round(written / live));
        for (ServiceSpec service : ServiceSpec.BACKENDS) {
            if (service.module().equals("costing-service") || service.module().equals("budget-service")) {
                table.put("RSS " + service.module() + " after the live catch-up (MiB)", platform.residentKib(service) / 1024);
            }
        }

        FigureFingerprints fingerprints = new FigureFingerprints(e2e.database);
        Map<String, String> liveCosting = fingerprints.costing();
        Map<String, String> liveBudget = fingerprints.budget();
        Map<String, String> liveBudgetRows = fingerprints.budgetRows();
        Map<String, String> liveCostingRows = fingerprints.costingRowsAsText();
        assertThat(liveCosting.keySet().stream().filter(i -> i.startsWith("bench-")).count())
                .as("every synthetic institution has costing figures").isEqualTo(size.institutions());
        table.put("costing figure rows", fingerprints.costingRows());

        TopicReader.RawRead raw = TopicReader.rawRead(platform.bootstrapServers(), INPUTS);
        table.put("raw consumer from offset 0: records, s, records/s", raw.records() + ", " + round(raw.seconds()) + ", "
                + Math.round(raw.perSecond()));
        DatabaseLimit.Upserts upserts = DatabaseLimit.batchedUpserts(e2e.database, 50_000);
        table.put("PostgreSQL batched upserts: rows, s, rows/s", upserts.rows() + ", " + round(upserts.seconds()) + ", "
                + Math.round(upserts.perSecond()));

        JsonNode costing = replay("costing");
        double costingRate = costing.path("eventsPerSecond").asDouble();
        table.put("costing replay from offset 0: events, s, events/s", costing.path("events").asLong() + ", "
                + costing.path("millis").asLong() / 1000.0 + ", " + Math.round(costingRate));
        table.put("costing replay / raw consumer", percent(costingRate / raw.perSecond()));
        // budget's replay reads costing's topic as it stands once costing's replayed figures are all on it
        awaitCaughtUp(Duration.ofMinutes(30));
        JsonNode budget = replay("budget");
        table.put("budget replay from offset 0: events, s, events/s", budget.path("events").asLong() + ", "
                + budget.path("millis").asLong() / 1000.0 + ", " + Math.round(budget.path("eventsPerSecond").asDouble()));
        awaitCaughtUp(Duration.ofMinutes(30));

        Map<String, String> replayedCosting = fingerprints.costing();
        Map<String, String> replayedBudget = fingerprints.budget();
        Map<String, String> replayedBudgetRows = fingerprints.budgetRows();
        Map<String, String> replayedCostingRows = fingerprints.costingRowsAsText();

        GatewayLoad.Result commands = commandsToFigures(size);
        table.put("allocation command → cost query shows it (through the gateway)", commands.describe());
        GatewayLoad.Result reads = reads(size, templateLoaded, false);
        table.put("cost and budget queries (live figures)", reads.describe());
        GatewayLoad.Result asOf = reads(size, templateLoaded, true);
        table.put("the same queries asOf one of 10 past dates", asOf.describe());
        for (ServiceSpec service : ServiceSpec.BACKENDS) {
            table.put("RSS " + service.module() + " (MiB)", platform.residentKib(service) / 1024);
        }
        StringBuilder text = new StringBuilder("\n");
        table.forEach((k, v) -> text.append(String.format("  %-55s %s%n", k, v)));
        log.info("Projection bench ({}):{}", size.name(), text);

        assertThat(replayedCosting).as("costing figures after the replay are the live ones, institution by institution:%s",
                FigureFingerprints.differences(liveCostingRows, replayedCostingRows, 6)).isEqualTo(liveCosting);
        assertThat(replayedBudget).as("budget figures after the replay are the live ones, institution by institution:%s",
                FigureFingerprints.differences(liveBudgetRows, replayedBudgetRows, 6)).isEqualTo(liveBudget);
        assertThat(commands.failed()).as("every command reached its figure").isZero();
        assertThat(reads.failed()).as("every query answered 200").isZero();
        assertThat(asOf.failed()).as("every asOf query answered 200").isZero();
    }

    /** Users who send the allocation commands (institution admins of the bench institution, see {@link E2eUsers}). */
    static final int WRITERS = 16;
    private static final String LOAD_CENTER = E2ePlatform.BENCH + ".LC";
    private static final String LOAD_INTERVIEW = E2ePlatform.BENCH + ".LI";
    private static final int LOAD_EMPLOYEES = 20;
    private static final int LOAD_PRODUCTS = 10;

    /**
     * Allocation commands at the size's rate for its time, on a center of the template institution of 20 people and
     * 10 products with an open interview: each timed from its due moment until the product's cost query shows the new
     * hours (polled every 20 ms) — the command → relay → Kafka → costing → PostgreSQL → query path.
     */
    private GatewayLoad.Result commandsToFigures(Size size) throws Exception {
        GatewayClient writer = e2e.as(E2ePlatform.BENCH, "institution-admin");
        writer.command("POST", "/api/survey/centers", Map.of("id", LOAD_CENTER, "name", "Centro de carga", "area", "SUBSTANTIVE"));
        for (int e = 0; e < LOAD_EMPLOYEES; e++) {
            writer.command("POST", "/api/survey/employees", Map.of("id", LOAD_CENTER + ".E" + e, "centerId", LOAD_CENTER,
                    "name", "Persona " + e, "annualCost", 1_000_000 + 1_000 * e, "contractedHours", 40));
        }
        for (int p = 0; p < LOAD_PRODUCTS; p++) {
            writer.command("POST", "/api/catalog/products", Map.of("id", LOAD_CENTER + ".P" + p, "centerId", LOAD_CENTER,
                    "name", "Producto " + p, "type", "TERMINAL", "core", false, "volume", 10, "volumeUnit", "unidades",
                    "users", List.of("CITIZENS")));
        }
        writer.command("POST", "/api/survey/interviews", Map.of("id", LOAD_INTERVIEW, "centerId", LOAD_CENTER, "interviewer", "Banco"));
        // the first allocation waits for the catalog's products to reach the survey
        writer.command("PUT", "/api/survey/interviews/" + LOAD_INTERVIEW + "/allocations",
                Map.of("employeeId", LOAD_CENTER + ".E0", "productId", LOAD_CENTER + ".P0", "hours", 1));
        int pairs = LOAD_EMPLOYEES * LOAD_PRODUCTS;
        // the commands come from many users, as from many surveyors: each user has its own budget at the door, and
        // one user's 100 requests/s would cap the load below what it asks (a 429 counts as a failed command)
        List<GatewayClient> writers = new ArrayList<>();
        for (int k = 1; k <= WRITERS; k++) {
            GatewayClient client = e2e.as(E2ePlatform.BENCH, "institution-admin-" + k);
            client.get("/api/costing/institution"); // its token fetched before the load: not part of any timing
            writers.add(client);
        }
        return GatewayLoad.paced(size.commandsPerSecond(), size.loadFor(), 64, i -> {
            GatewayClient client = writers.get(i % writers.size());
            int pair = i % pairs;
            String employee = LOAD_CENTER + ".E" + pair / LOAD_PRODUCTS;
            String product = LOAD_CENTER + ".P" + pair % LOAD_PRODUCTS;
            // each pair's next value differs from its last (the first pair starts at 1 already)
            BigDecimal hours = BigDecimal.valueOf(2 + (i / pairs) % 6);
            if (client.put("/api/survey/interviews/" + LOAD_INTERVIEW + "/allocations",
                    Map.of("employeeId", employee, "productId", product, "hours", hours)).status() != 200) {
                return false;
            }
            Instant deadline = Instant.now().plusSeconds(20);
            long wait = 10; // the figure is polled with a growing pause: fine timing while it is fast, few polls when slow
            while (Instant.now().isBefore(deadline)) {
                GatewayClient.Answer answer = client.send("GET", "/api/costing/products/" + product, null);
                if (answer.status() == 200) {
                    for (JsonNode row : answer.body().path("rows")) {
                        if (row.path("employeeId").asString().equals(employee) && row.path("hours").decimalValue().compareTo(hours) == 0) {
                            return true;
                        }
                    }
                }
                GatewayClient.pause(wait);
                wait = Math.min(250, wait * 3 / 2);
            }
            return false;
        });
    }

    /**
     * Queries at the size's rate spread over four of the institution's users (each has its own rate budget at the door):
     * a product's cost, the institution's cost, the budget summary; live, or each as of one of 10 past instants.
     */
    private GatewayLoad.Result reads(Size size, Instant since, boolean past) throws Exception {
        java.util.Random random = new java.util.Random(20261202);
        List<String> dates = new ArrayList<>();
        long span = Math.max(1, Duration.between(since, Instant.now()).toMillis());
        for (int d = 0; d < 10; d++) {
            dates.add(since.plusMillis((long) (random.nextDouble() * span)).toString());
        }
        List<String> paths = List.of("/api/costing/products/" + E2ePlatform.BENCH + ".P091", "/api/costing/institution",
                "/api/budget/summary");
        // the roles that read the whole institution (a center manager sees its centers, a surveyor its interviews)
        List<String> roles = new ArrayList<>(List.of("institution-admin", "authority", "auditor", "analyst"));
        for (int k = 1; k <= WRITERS; k++) { // more users, more budget at the door (100 requests/s each)
            roles.add("institution-admin-" + k);
        }
        // one client per user shared by every thread, each one's token fetched before the load (not part of any timing)
        Map<String, GatewayClient> clients = new java.util.HashMap<>();
        for (String role : roles) {
            GatewayClient client = e2e.as(E2ePlatform.BENCH, role);
            client.get(paths.get(1));
            clients.put(role, client);
        }
        return GatewayLoad.paced(past ? size.asOfReadsPerSecond() : size.readsPerSecond(), size.loadFor(), 64, i -> {
            GatewayClient client = clients.get(roles.get(i % roles.size()));
            String path = paths.get(i % paths.size()) + (past ? "?asOf=" + dates.get(i % dates.size()) : "");
            return client.send("GET", path, null).status() == 200;
        });
    }

    /** Writes every synthetic institution's records, keyed by institution, as the relay would; returns how many. */
    private long write(HistoryCloner cloner, Size size) {
        Properties props = new Properties();
        props.put("bootstrap.servers", platform.bootstrapServers());
        props.put("acks", "all");
        props.put("enable.idempotence", "true");
        props.put("linger.ms", "10");
        props.put("batch.size", String.valueOf(256 * 1024));
        long written = 0;
        int number = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (Map.Entry<Integer, Integer> group : new java.util.TreeMap<>(size.institutionsByCopies()).descendingMap().entrySet()) {
                for (int i = 0; i < group.getValue(); i++) {
                    String institution = String.format("bench-%03d", ++number);
                    List<ProducerRecord<String, byte[]>> records = cloner.institution(institution, group.getKey());
                    records.forEach(producer::send);
                    written += records.size();
                }
            }
            producer.flush();
        }
        return written;
    }

    /** Starts a replay of the service from offset 0 and waits for its end; its final status. */
    private JsonNode replay(String service) {
        GatewayClient.Answer started = admin.post("/api/" + service + "/admin/replay", null);
        assertThat(started.status()).as(started.text()).isEqualTo(202);
        return admin.await("/api/" + service + "/admin/replay", s -> s.path("finished").asBoolean(), Duration.ofMinutes(240));
    }

    /**
     * Until costing and budget hold every event (lag 0 twice in a row, 1 s apart) and costing's figure events are
     * all published (a lag of 0 counts only what is on the topics: budget's input is still growing while costing's
     * outbox holds rows).
     */
    private void awaitCaughtUp(Duration timeout) {
        FigureFingerprints outboxes = new FigureFingerprints(e2e.database);
        Instant deadline = Instant.now().plus(timeout);
        int quiet = 0;
        while (quiet < 2) {
            assertThat(Instant.now()).as("costing and budget caught up").isBefore(deadline);
            long behind = admin.get("/api/costing/admin/lag").path("eventsBehind").asLong(-1)
                    + admin.get("/api/budget/admin/lag").path("eventsBehind").asLong(-1) + outboxes.unpublished();
            quiet = behind == 0 ? quiet + 1 : 0;
            GatewayClient.pause(quiet == 0 ? 250 : 1000);
        }
    }

    private static double seconds(Instant since) {
        return round(Duration.between(since, Instant.now()).toMillis() / 1000.0);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    private static String percent(double ratio) {
        return String.format("%.2f %%", 100 * ratio);
    }
}
