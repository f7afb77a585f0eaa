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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.ppi.launcher.demo.DemoInstitution;
import org.ppi.launcher.demo.DemoLoader;
import org.ppi.launcher.demo.LoadReport;
import org.ppi.launcher.identity.PasswordGrantTokens;
import org.ppi.launcher.identity.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the whole platform on this machine: an in-process Kafka broker (KRaft), one embedded H2 database per
 * service (or the PostgreSQL named by PPI_DB_URL), every service as its own JVM, the gateway on port 8080,
 * and loads the demo institution through the public API the first time. Ctrl-C stops everything.
 */
public final class Launcher {
    private static final Logger log = LoggerFactory.getLogger(Launcher.class);
    static final String DEMO_INSTITUTION = "demo-defensoria";
    /** In {@code .ppi/}: the demo's first-round instant (ISO-8601), for {@code ?asOf=$(cat .ppi/demo-first-round-at)}. */
    static final String FIRST_ROUND_FILE = "demo-first-round-at";
    private static final Pattern EVENTS_BEHIND = Pattern.compile("\"eventsBehind\":(\\d+)");

    private Launcher() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("import-airtable")) {
            System.exit(org.ppi.launcher.airtable.AirtableImport.run(java.util.Arrays.copyOfRange(args, 1, args.length)));
        }
        Instant begin = Instant.now();
        Path root = Path.of(System.getProperty("ppi.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve(".ppi");
        Database database = database(work);
        if (database instanceof Database.EmbeddedH2 && !localDataOfThisVersion(work)) {
            log.error("Los datos locales de {} son de una versión anterior, con ids globales; esta versión separa los "
                    + "ids por institución y no los lee. Bórrelos (rm -rf .ppi) y vuelva a iniciar: la demostración se "
                    + "carga de nuevo. / Local data predates ids scoped per institution: delete .ppi/ and start again.",
                    work);
            System.exit(2);
        }
        int kafkaPort = Integer.parseInt(env("PPI_KAFKA_PORT", "19092"));
        String externalKafka = System.getenv("PPI_EXTERNAL_KAFKA");
        log.info("Iniciando PPI: base de datos {}, Kafka {}", database.describe(),
                externalKafka == null ? "en proceso (KRaft) en el puerto " + kafkaPort : externalKafka);
        Platform platform = Platform.start(root, work, database, kafkaPort, externalKafka, 0);
        platform.superviseRestarts();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            log.info("Deteniendo la plataforma…");
            platform.close();
            stopped.countDown();
        }));
        Duration startup = Duration.between(begin, Instant.now());
        URI gateway = platform.gateway();
        // The demo users of the local identity provider (application.yml of identity-service; password "demo").
        TokenSource admin = PasswordGrantTokens.local(platform.issuer(), "admin", "demo");
        TokenSource director = PasswordGrantTokens.local(platform.issuer(), "directora", "demo");
        if (!"false".equalsIgnoreCase(env("PPI_DEMO", "true")) && !demoLoaded(gateway, director)) {
            LoadReport report = new DemoLoader(gateway, HttpClient.newHttpClient())
                    .load(DemoInstitution.bundled().prefixed(DEMO_INSTITUTION), admin, director);
            Files.writeString(work.resolve(FIRST_ROUND_FILE), report.firstRoundAt() + "\n");
            awaitProjections(gateway, admin, Duration.ofMinutes(2));
        }
        String firstRound = firstRoundAt(work);
        System.out.printf("""

                ============================================================
                 PPI — Perfil de Producción Institucional: plataforma lista
                 (arranque en %d s)
                  Puerta de entrada (gateway): %s
                  Identidad (OpenID Connect):   %s (usuarios de demostración, contraseña demo)
                  Salud de todos los servicios: %s/api/health
                  Documentación de la API:      %s/swagger-ui.html
                  Institución de demostración:  %s (usuarios directora, encuestador, jefe-centro,
                                                autoridad, auditora, analista; admin: la plataforma)
                  Ejemplo: T=$(curl -s -u ppi-cli:ppi-cli -d grant_type=password -d username=analista \\
                             -d password=demo %s/oauth2/token | sed 's/.*"access_token":"\\([^"]*\\)".*/\\1/')
                           curl -H "Authorization: Bearer $T" %s/api/costing/institution
                  Primera ronda de la demostración (validada), antes de las correcciones: %s
                           curl -H "Authorization: Bearer $T" "%s/api/costing/products/%s.P091?asOf=%s"
                           (el mismo instante en %s)
                  Registros: %s
                 Ctrl-C para detener.
                ============================================================
                %n""", startup.toSeconds(), gateway, platform.issuer(), gateway, gateway, DEMO_INSTITUTION, platform.issuer(), gateway,
                firstRound, gateway, DEMO_INSTITUTION, firstRound, work.resolve(FIRST_ROUND_FILE), platform.logs());
        stopped.await();
    }

    /**
     * Waits until costing and budget hold every event published so far (their lag is 0 twice in a row), so the
     * first figures a person reads are complete ones.
     */
    private static void awaitProjections(URI gateway, TokenSource admin, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant begin = Instant.now();
        Instant deadline = begin.plus(timeout);
        Instant nextReport = begin.plus(Duration.ofSeconds(5));
        int quiet = 0;
        while (quiet < 2 && Instant.now().isBefore(deadline)) {
            Map<String, Long> behind = new LinkedHashMap<>();
            for (String service : new String[] {"costing", "budget"}) {
                HttpResponse<String> lag = http.send(HttpRequest.newBuilder(gateway.resolve("/api/" + service + "/admin/lag"))
                        .header("Authorization", "Bearer " + admin.token()).build(), HttpResponse.BodyHandlers.ofString());
                Matcher m = EVENTS_BEHIND.matcher(lag.body());
                behind.put(service, lag.statusCode() == 200 && m.find() ? Long.parseLong(m.group(1)) : -1);
            }
            boolean caughtUp = behind.values().stream().allMatch(n -> n == 0);
            quiet = caughtUp ? quiet + 1 : 0;
            if (!caughtUp && Instant.now().isAfter(nextReport)) {
                log.info("Proyecciones al día en breve: eventos pendientes costos {}, presupuesto {} ({} s)",
                        shown(behind.get("costing")), shown(behind.get("budget")), Duration.between(begin, Instant.now()).toSeconds());
                nextReport = Instant.now().plus(Duration.ofSeconds(5));
            }
            Thread.sleep(1000);
        }
        log.info("Cifras de costos y presupuesto al día ({} s)", Duration.between(begin, Instant.now()).toSeconds());
    }

    private static String shown(long behind) {
        return behind < 0 ? "(sin respuesta aún)" : String.valueOf(behind);
    }

    /** The first-round instant written when the demo was loaded, or a note when this {@code .ppi/} has none. */
    private static String firstRoundAt(Path work) throws IOException {
        Path file = work.resolve(FIRST_ROUND_FILE);
        return Files.exists(file) ? Files.readString(file).strip() : "(sin registro: la demostración no se cargó aquí)";
    }

    private static Database database(Path work) {
        String url = System.getenv("PPI_DB_URL");
        if (url == null || url.isBlank()) {
            return new Database.EmbeddedH2(work.resolve("db"));
        }
        return new Database.PostgreSQL(url, env("PPI_DB_USER", "postgres"), env("PPI_DB_PASSWORD", ""),
                env("PPI_DB_SCHEMA_PREFIX", "ppi"));
    }

    /**
     * Whether {@code .ppi/} holds no data yet or data of this version, which marks it on first start. Services
     * refuse an older event store themselves ({@code ScopedStoreCheck}); this says what to do before starting them.
     */
    private static boolean localDataOfThisVersion(Path work) throws IOException {
        Path marker = work.resolve("ids-per-institution");
        if (Files.exists(marker)) {
            return true;
        }
        if (Files.isDirectory(work.resolve("db"))) {
            return false;
        }
        Files.createDirectories(work);
        Files.writeString(marker, "Event store aggregates are keyed <institution>~<id> (ScopedId).\n");
        return true;
    }

    private static boolean demoLoaded(URI gateway, TokenSource director) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(gateway.resolve("/api/survey/institution"))
                .header("Authorization", "Bearer " + director.token()).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
