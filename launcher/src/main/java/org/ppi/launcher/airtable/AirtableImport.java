package org.ppi.launcher.airtable;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.ppi.launcher.airtable.AirtableMigration.Migration;
import org.ppi.launcher.airtable.AirtableMigration.Settings;
import org.ppi.launcher.demo.DemoInstitution.CostingMethod;
import org.ppi.launcher.demo.DemoLoadException;
import org.ppi.launcher.demo.DemoLoader;
import org.ppi.launcher.demo.LoadReport;
import org.ppi.launcher.identity.PasswordGrantTokens;
import org.ppi.launcher.identity.TokenSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code ./ppi import-airtable <folder> --institution <id> --name <name> [options]}: migrates an existing PPI Airtable
 * base (the CSV exports of its tables) into a new institution through the gateway, as ordinary commands of two
 * users: the platform admin registers the institution, the institution's admin records the rest, so every event
 * names who imported it. The export is mapped whole first; with errors nothing is sent (unless
 * {@code --skip-unmapped}); {@code --dry-run} only reports. After the load it waits for the cost figures and
 * compares each of the base's cost rows with the platform's, to the cent.
 *
 * <p>Exit status: 0 imported and reproduced, 1 mapping errors (nothing sent), 2 wrong arguments, 3 the platform
 * refused a command, 4 imported but some figures differ from the base's.
 */
public final class AirtableImport {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String USAGE = """
            uso: ./ppi import-airtable <carpeta> --institution <id> --name <nombre> [--country DO] [--currency DOP]
                   [--fiscal-year 2026] [--weekly-hours 40] [--method classic|individual] [--dry-run] [--skip-unmapped]
              La carpeta tiene las exportaciones CSV de las tablas de la base: «Centros de producción», «Productos»,
              «Costos producción» (una fila por funcionario y producto) y, si existe, «Funcionarios».
              Variables: PPI_GATEWAY_URL (http://localhost:8080), PPI_ISSUER_URI (http://localhost:9000),
                PPI_ADMIN_USER / PPI_ADMIN_PASSWORD (el administrador de la plataforma; local: admin / demo),
                PPI_IMPORT_USER / PPI_IMPORT_PASSWORD (el administrador de la nueva institución; ver README «Users»).
            """;

    private AirtableImport() {
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--dry-run") || args[i].equals("--skip-unmapped")) {
                options.put(args[i], "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i], args[++i]);
            } else if (args[i].startsWith("--")) {
                return usage("falta el valor de " + args[i]);
            } else {
                positional.add(args[i]);
            }
        }
        if (positional.size() != 1 || !options.containsKey("--institution") || !options.containsKey("--name")) {
            return usage(null);
        }
        Path folder = Path.of(positional.get(0));
        if (!Files.isDirectory(folder)) {
            return usage("no es una carpeta: " + folder);
        }
        Settings settings;
        try {
            settings = new Settings(options.get("--institution"), options.get("--name"), options.getOrDefault("--country", "DO"),
                    options.getOrDefault("--currency", "DOP"), Integer.parseInt(options.getOrDefault("--fiscal-year",
                    String.valueOf(LocalDate.now().getYear()))), new BigDecimal(options.getOrDefault("--weekly-hours", "40")),
                    CostingMethod.valueOf(options.getOrDefault("--method", "classic").toUpperCase(Locale.ROOT)), LocalDate.now());
        } catch (IllegalArgumentException e) {
            return usage("valor no válido: " + e.getMessage());
        }
        Migration migration = AirtableMigration.map(folder, settings);
        print(migration);
        if (!migration.clean() && !options.containsKey("--skip-unmapped")) {
            System.out.println("Hay errores: no se envió nada. Corríjalos en la base (o en los CSV) y vuelva a intentarlo, "
                    + "o importe lo demás con --skip-unmapped. / Errors: nothing was sent.");
            return 1;
        }
        if (options.containsKey("--dry-run")) {
            System.out.println("Ensayo (--dry-run): no se envió nada. / Dry run: nothing was sent.");
            return 0;
        }
        URI gateway = URI.create(env("PPI_GATEWAY_URL", "http://localhost:8080"));
        URI issuer = URI.create(env("PPI_ISSUER_URI", "http://localhost:9000"));
        String importUser = System.getenv("PPI_IMPORT_USER");
        if (importUser == null || importUser.isBlank()) {
            return usage("falta PPI_IMPORT_USER: el usuario administrador de la institución " + settings.institutionId());
        }
        TokenSource admin = PasswordGrantTokens.local(issuer, env("PPI_ADMIN_USER", "admin"), env("PPI_ADMIN_PASSWORD", "demo"));
        TokenSource institutionAdmin = PasswordGrantTokens.local(issuer, importUser, env("PPI_IMPORT_PASSWORD", ""));
        Imported imported;
        try {
            imported = load(migration, gateway, admin, institutionAdmin, Duration.ofMinutes(3));
        } catch (DemoLoadException e) {
            System.out.println("La plataforma rechazó un comando: " + e.getMessage());
            return 3;
        }
        System.out.println("Importado: " + imported.load().summary());
        CostTableCheck.Result check = imported.check();
        System.out.printf("Costos por producto: %d filas de la base comparadas, %d iguales al centavo%n", check.compared(),
                check.compared() - check.differences().size());
        check.differences().stream().limit(50).forEach(d -> System.out.println("  DIFERENCIA " + d.shown()));
        return check.reproduced() ? 0 : 4;
    }

    /** What an import sent and how the platform's cost table compares with the base's. */
    public record Imported(LoadReport load, CostTableCheck.Result check) {
    }

    /**
     * Sends a mapped base through the gateway (the platform admin registers the institution, its admin sends the
     * rest), then waits up to {@code timeout} for the cost figures and compares them with the base's rows.
     */
    public static Imported load(Migration migration, URI gateway, TokenSource admin, TokenSource institutionAdmin,
                                Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        LoadReport loaded = new DemoLoader(gateway, http).describedAs("migración desde Airtable")
                .load(migration.institution(), admin, institutionAdmin);
        return new Imported(loaded, awaitFigures(gateway, admin, institutionAdmin, migration, http, timeout));
    }

    /** Waits until the cost projection holds every event, then compares; a last mismatch after the timeout is kept. */
    static CostTableCheck.Result awaitFigures(URI gateway, TokenSource admin, TokenSource reader, Migration migration,
                                              HttpClient http, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        CostTableCheck.Result result;
        do {
            Thread.sleep(1000);
            JsonNode lag = get(http, gateway.resolve("/api/costing/admin/lag"), admin);
            if (lag.path("eventsBehind").asLong(-1) != 0) {
                result = null;
                continue;
            }
            result = CostTableCheck.compare(migration.expectedCosts(), products(http, gateway, reader));
        } while ((result == null || !result.reproduced()) && Instant.now().isBefore(deadline));
        return result == null ? CostTableCheck.compare(migration.expectedCosts(), products(http, gateway, reader)) : result;
    }

    static List<JsonNode> products(HttpClient http, URI gateway, TokenSource reader) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode body = get(http, gateway.resolve("/api/costing/products?size=1000&page=" + page), reader);
            body.path("items").forEach(items::add);
            if (page + 1 >= body.path("totalPages").asInt(0)) {
                return items;
            }
        }
    }

    private static JsonNode get(HttpClient http, URI uri, TokenSource user) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + user.token())
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void print(Migration migration) {
        var i = migration.institution();
        System.out.printf("Base de Airtable leída: %d centros, %d ámbitos, %d funcionarios, %d productos, %d entrevistas "
                        + "con %d asignaciones de tiempo, %d filas con costo para comparar%n", i.centers().size(),
                i.scopes().size(), i.employees().size(), i.products().size(), i.interviews().size(), i.allocationCount(),
                migration.expectedCosts().size());
        System.out.printf("Hallazgos: %d errores, %d avisos%n", migration.report().errors(), migration.report().warnings());
        migration.findings().forEach(f -> System.out.println("  " + f.shown()));
    }

    private static int usage(String problem) {
        if (problem != null) {
            System.err.println(problem);
        }
        System.err.print(USAGE);
        return 2;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
