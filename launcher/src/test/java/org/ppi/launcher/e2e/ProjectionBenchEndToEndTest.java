package org.ppi.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
    record Size(String name, Map<Integer, Integer> institutionsByCopies) {
        static Size of(String name) {
            return switch (name) {
                // a Poder Judicial (1,479 employees, 4,386 products), 40 medium and 256 small institutions
                case "national" -> new Size(name, Map.of(17, 4, 3, 40, 1, 256));
                case "default" -> new Size(name, Map.of(6, 1, 2, 3, 1, 12));
                default -> new Size("small", Map.of(2, 1, 1, 2));
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
        Map<String, Object> table = new LinkedHashMap<>();
        table.put("size", size.name() + " (" + size.institutions() + " institutions)");

        Instant begin = Instant.now();
        LoadReport report = new DemoLoader(platform.gateway(), java.net.http.HttpClient.newHttpClient()).load(
                DemoInstitution.bundled().prefixed(E2ePlatform.BENCH), E2eUsers.admin(e2e.issuer),
                E2eUsers.of(e2e.issuer, E2ePlatform.BENCH, "institution-admin"));
        table.put("template through the gateway: commands, s", report.commands() + ", " + seconds(begin));
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

        FigureFingerprints fingerprints = new FigureFingerprints(e2e.database);
        Map<String, String> liveCosting = fingerprints.costing();
        Map<String, String> liveBudget = fingerprints.budget();
        Map<String, String> liveBudgetRows = fingerprints.budgetRows();
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

        for (ServiceSpec service : ServiceSpec.BACKENDS) {
            table.put("RSS " + service.module() + " (MiB)", platform.residentKib(service) / 1024);
        }
        StringBuilder text = new StringBuilder("\n");
        table.forEach((k, v) -> text.append(String.format("  %-55s %s%n", k, v)));
        log.info("Projection bench ({}):{}", size.name(), text);

        assertThat(fingerprints.costing()).as("costing figures after the replay are the live ones, institution by institution")
                .isEqualTo(liveCosting);
        Map<String, String> replayedBudget = fingerprints.budget();
        assertThat(replayedBudget).as("budget figures after the replay are the live ones, institution by institution:%s",
                FigureFingerprints.differences(liveBudgetRows, fingerprints.budgetRows(), 6)).isEqualTo(liveBudget);
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
