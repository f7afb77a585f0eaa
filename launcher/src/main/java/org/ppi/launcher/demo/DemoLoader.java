package org.ppi.launcher.demo;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.ppi.launcher.demo.DemoInstitution.Activity;
import org.ppi.launcher.demo.DemoInstitution.Allocation;
import org.ppi.launcher.demo.DemoInstitution.Center;
import org.ppi.launcher.demo.DemoInstitution.Correction;
import org.ppi.launcher.demo.DemoInstitution.Employee;
import org.ppi.launcher.demo.DemoInstitution.Impact;
import org.ppi.launcher.demo.DemoInstitution.Institution;
import org.ppi.launcher.demo.DemoInstitution.Interview;
import org.ppi.launcher.demo.DemoInstitution.Link;
import org.ppi.launcher.demo.DemoInstitution.PlannedVolume;
import org.ppi.launcher.demo.DemoInstitution.Product;
import org.ppi.launcher.demo.DemoInstitution.ProductType;
import org.ppi.launcher.demo.DemoInstitution.Program;
import org.ppi.launcher.demo.DemoInstitution.Result;
import org.ppi.launcher.demo.DemoInstitution.SalaryChange;
import org.ppi.launcher.demo.DemoInstitution.Scope;
import org.ppi.launcher.demo.DemoInstitution.ValueChain;
import org.ppi.launcher.identity.TokenSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a {@link DemoInstitution} through the platform's public API (the gateway), exactly as a client would: the
 * institution, its ámbitos, centers (parents first) and their non-labour cost, employees, products, interviews with
 * their time allocations and validation, then the value chains and the programme structure.
 *
 * <p>The services learn each other's data from Kafka, so a command may be refused for a while because the referenced
 * center, product or result is not known yet to the service that receives it: an answer 404 or 422 whose error code
 * ends in {@code not-found} or {@code -unknown} is retried with a growing back-off (from 200 ms) for up to 60 s in
 * total. Any other refusal fails the load at once with a {@link DemoLoadException} naming the request, the status and
 * the body. Within a section where order does not matter (employees, products, interviews, chains, programs) requests
 * go out on a small bounded pool; order is kept where it matters (parents before children, each interview's
 * allocations before its validation, links in file order).
 *
 * <p>The load has two rounds. The first is the whole survey as validated; then the loader takes the next whole
 * second as the <b>first-round instant</b> ({@link LoadReport#firstRoundAt()}), waits until it has passed, and sends
 * the second round (corrections of validated interviews with their reasons, salary changes): {@code asOf} that
 * instant answers the first round's figures, a query without it the corrected ones. No clock is set back: both
 * rounds are recorded when they are sent.
 */
public final class DemoLoader {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    public static final int DEFAULT_PARALLELISM = 4;
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(60);
    public static final Duration DEFAULT_FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);
    /** How long after the first-round instant the second round starts, so its events are recorded strictly later. */
    private static final Duration ROUND_MARGIN = Duration.ofMillis(500);
    /** What the load is, for its log lines and the note of the non-labour costs it records. */
    private static final String DEMO_SOURCE = "institución de demostración";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final HttpClient http;
    private final int parallelism;
    private final Duration retryBudget;
    private final Duration firstBackoff;
    private final String source;

    /** A loader with 4 parallel requests per section and the 200 ms → 60 s retry policy. */
    public DemoLoader(URI gateway, HttpClient http) {
        this(gateway, http, DEFAULT_PARALLELISM, DEFAULT_RETRY_BUDGET, DEFAULT_FIRST_BACKOFF);
    }

    /**
     * @param gateway      base address of the gateway, e.g. {@code http://localhost:8080}
     * @param parallelism  requests in flight at most within a section (1 = strictly sequential)
     * @param retryBudget  how long a "not known yet" refusal is retried before the load fails
     * @param firstBackoff the first pause between retries; it doubles up to 2 s
     */
    public DemoLoader(URI gateway, HttpClient http, int parallelism, Duration retryBudget, Duration firstBackoff) {
        this(gateway, http, parallelism, retryBudget, firstBackoff, DEMO_SOURCE);
    }

    private DemoLoader(URI gateway, HttpClient http, int parallelism, Duration retryBudget, Duration firstBackoff,
                       String source) {
        Objects.requireNonNull(gateway, "gateway");
        this.http = Objects.requireNonNull(http, "http");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.parallelism = parallelism;
        this.retryBudget = Objects.requireNonNull(retryBudget, "retryBudget");
        this.firstBackoff = Objects.requireNonNull(firstBackoff, "firstBackoff");
        this.source = Objects.requireNonNull(source, "source");
        String g = gateway.toString();
        this.base = g.endsWith("/") ? g.substring(0, g.length() - 1) : g;
    }

    /** The same loader for another kind of load (a migration), named in its log and in the notes it records. */
    public DemoLoader describedAs(String source) {
        return new DemoLoader(URI.create(base), http, parallelism, retryBudget, firstBackoff, source);
    }

    /**
     * Registers the institution as the platform admin ({@code platformAdmin}'s token), then sends everything else
     * as the institution's admin ({@code institutionAdmin}, whose token must name the file's institution). To load
     * the bundled file for a new tenant, pass {@code DemoInstitution.bundled().prefixed(tenantId)}.
     *
     * @throws DemoLoadException when a request is refused (or still refused after the retry budget)
     */
    public LoadReport load(DemoInstitution demo, TokenSource platformAdmin, TokenSource institutionAdmin) {
        Objects.requireNonNull(demo, "demo");
        Objects.requireNonNull(platformAdmin, "platformAdmin");
        Objects.requireNonNull(institutionAdmin, "institutionAdmin");
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "carga-demo-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(parallelism, factory);
        try {
            return new Run(demo.institution().id(), platformAdmin, institutionAdmin, pool).load(demo);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Is this refusal "the referenced entity is not known yet" (eventual consistency), worth retrying? */
    static boolean notKnownYet(int status, String code) {
        return (status == 404 || status == 422) && code != null
                && (code.endsWith("not-found") || code.endsWith("-unknown"));
    }

    /** The {@code code} field of an error body, or null when the body is not such JSON. */
    static String errorCode(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode code = JSON.readTree(body).get("code");
            return code != null && code.isString() ? code.stringValue() : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Centers grouped by depth (roots first), so that every parent is registered before its children. */
    static List<List<Center>> levels(List<Center> centers) {
        Map<String, Center> byId = new HashMap<>();
        centers.forEach(c -> byId.put(c.id(), c));
        Map<Integer, List<Center>> levels = new TreeMap<>();
        for (Center c : centers) {
            int depth = 0;
            Center at = c;
            while (at.parentCenterId() != null && byId.containsKey(at.parentCenterId())) {
                at = byId.get(at.parentCenterId());
                if (++depth > centers.size()) {
                    throw new IllegalArgumentException("Cycle among the parents of center " + c.id());
                }
            }
            levels.computeIfAbsent(depth, d -> new ArrayList<>()).add(c);
        }
        return List.copyOf(levels.values());
    }

    private static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /** One load: the tenant, the user, the pool and the counters. */
    private final class Run {
        private final String institutionId;
        private final TokenSource platformAdmin;
        private final TokenSource institutionAdmin;
        private final ExecutorService pool;
        private final long started = System.nanoTime();
        private final AtomicInteger requests = new AtomicInteger();
        private final AtomicInteger retries = new AtomicInteger();
        private final AtomicInteger scopes = new AtomicInteger();
        private final AtomicInteger centers = new AtomicInteger();
        private final AtomicInteger nonLabourCosts = new AtomicInteger();
        private final AtomicInteger employees = new AtomicInteger();
        private final AtomicInteger products = new AtomicInteger();
        private final AtomicInteger interviews = new AtomicInteger();
        private final AtomicInteger allocations = new AtomicInteger();
        private final AtomicInteger validations = new AtomicInteger();
        private final AtomicInteger impacts = new AtomicInteger();
        private final AtomicInteger results = new AtomicInteger();
        private final AtomicInteger chains = new AtomicInteger();
        private final AtomicInteger links = new AtomicInteger();
        private final AtomicInteger programs = new AtomicInteger();
        private final AtomicInteger activities = new AtomicInteger();
        private final AtomicInteger programChains = new AtomicInteger();
        private final AtomicInteger plannedVolumes = new AtomicInteger();
        private final AtomicInteger corrections = new AtomicInteger();
        private final AtomicInteger salaryChanges = new AtomicInteger();

        Run(String institutionId, TokenSource platformAdmin, TokenSource institutionAdmin, ExecutorService pool) {
            this.institutionId = institutionId;
            this.platformAdmin = platformAdmin;
            this.institutionAdmin = institutionAdmin;
            this.pool = pool;
        }

        LoadReport load(DemoInstitution d) {
            Institution i = d.institution();
            log.info("Cargando la institución «{}» ({}, {}) a través de {}", i.name(), institutionId, source, base);
            send(platformAdmin, "POST", "/api/survey/institutions", body("id", institutionId, "name", i.name(),
                    "country", i.country(), "currency", i.currency(), "fiscalYear", i.fiscalYear(),
                    "weeklyHours", i.weeklyHours(), "costingMethod", i.costingMethod()));
            log.info("Institución registrada: {} {}, año fiscal {}, {} horas semanales, método {}", i.country(),
                    i.currency(), i.fiscalYear(), i.weeklyHours(), i.costingMethod());

            for (Scope s : d.scopes()) {
                send("POST", "/api/survey/scopes", body("id", s.id(), "name", s.name()));
                scopes.incrementAndGet();
            }
            log.info("Ámbitos: {} registrados", scopes.get());

            for (List<Center> level : levels(d.centers())) {
                parallel("Centros de producción", level, c -> {
                    send("POST", "/api/survey/centers", body("id", c.id(), "name", c.name(), "scopeId", c.scopeId(),
                            "area", c.area(), "function", c.function(), "organization", c.organization(),
                            "manager", c.manager(), "parentCenterId", c.parentCenterId()));
                    centers.incrementAndGet();
                });
            }
            List<Center> withNonLabour = d.centers().stream().filter(c -> c.nonLabourCost() != null).toList();
            parallel("Costos no laborales", withNonLabour, c -> {
                send("PUT", "/api/survey/centers/" + c.id() + "/non-labour-cost",
                        body("amount", c.nonLabourCost(), "note", "Bienes, servicios y depreciación del año (" + source + ")"));
                nonLabourCosts.incrementAndGet();
            });
            log.info("Centros de producción: {} registrados, {} con costo no laboral ({} {})", centers.get(),
                    nonLabourCosts.get(), sum(withNonLabour.stream().map(Center::nonLabourCost).toList()),
                    i.currency());

            parallel("Funcionarios", d.employees(), e -> {
                send("POST", "/api/survey/employees", body("id", e.id(), "centerId", e.centerId(), "name", e.name(),
                        "position", e.position(), "annualCost", e.annualCost(),
                        "contractedHours", e.contractedHours()));
                employees.incrementAndGet();
            });
            log.info("Funcionarios: {} registrados (nómina anual {} {})", employees.get(),
                    sum(d.employees().stream().map(Employee::annualCost).toList()), i.currency());

            parallel("Productos", d.products(), p -> {
                send("POST", "/api/catalog/products", body("id", p.id(), "centerId", p.centerId(), "name", p.name(),
                        "description", p.description(), "type", p.type(), "core", p.core(), "volume", p.volume(),
                        "volumeUnit", p.volumeUnit(), "users", p.users(), "frequency", p.frequency(),
                        "elaborationTime", p.elaborationTime(), "processSteps", p.processSteps(),
                        "problems", p.problems(), "synergies", p.synergies()));
                products.incrementAndGet();
            });
            long terminals = d.products().stream().filter(p -> p.type() == ProductType.TERMINAL).count();
            log.info("Productos: {} registrados ({} terminales, {} intermedios, {} CORE)", products.get(), terminals,
                    d.products().size() - terminals, d.products().stream().filter(Product::core).count());

            parallel("Entrevistas", d.interviews(), this::interview);
            log.info("Entrevistas: {} registradas, {} asignaciones de tiempo ({} horas semanales), {} validadas",
                    interviews.get(), allocations.get(), sum(d.interviews().stream()
                            .flatMap(x -> x.allocations().stream()).map(Allocation::hours).toList()),
                    validations.get());

            for (Impact m : d.impacts()) {
                send("POST", "/api/valuechain/impacts", body("id", m.id(), "name", m.name(),
                        "description", m.description(), "indicator", m.indicator()));
                impacts.incrementAndGet();
            }
            for (Result r : d.results()) {
                send("POST", "/api/valuechain/results", body("id", r.id(), "impactId", r.impactId(),
                        "name", r.name(), "description", r.description(), "indicator", r.indicator()));
                results.incrementAndGet();
            }
            parallel("Cadenas de valor", d.valueChains(), this::chain);
            log.info("Cadenas de valor: {} impactos, {} resultados, {} cadenas con {} eslabones", impacts.get(),
                    results.get(), chains.get(), links.get());

            parallel("Programas", d.programs(), this::program);
            log.info("Estructura programática: {} programas, {} actividades, {} cadenas asignadas, "
                    + "{} volúmenes planificados", programs.get(), activities.get(), programChains.get(),
                    plannedVolumes.get());

            Instant firstRoundAt = endFirstRound();
            secondRound(d.secondRound());

            LoadReport report = new LoadReport(institutionId, scopes.get(), centers.get(), nonLabourCosts.get(),
                    employees.get(), products.get(), interviews.get(), allocations.get(), validations.get(),
                    impacts.get(), results.get(), chains.get(), links.get(), programs.get(), activities.get(),
                    programChains.get(), plannedVolumes.get(), firstRoundAt, corrections.get(), salaryChanges.get(),
                    requests.get(), retries.get(), Duration.ofNanos(System.nanoTime() - started));
            log.info("Institución cargada ({}): {}", source, report.summary());
            return report;
        }

        /**
         * The first-round instant: the next whole second after the first round's last answer (every first-round event
         * was recorded before it), returned once it has passed by {@link #ROUND_MARGIN}.
         */
        private Instant endFirstRound() {
            Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
            long wait = Duration.between(Instant.now(), at.plus(ROUND_MARGIN)).toMillis();
            try {
                if (wait > 0) {
                    Thread.sleep(wait);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Carga de la institución interrumpida (" + source + ")", e);
            }
            log.info("Primera ronda (validada) registrada antes de {}: ?asOf={} muestra sus cifras", at, at);
            return at;
        }

        /** Corrections of validated interviews and salary changes, in file order, each with its reason. */
        private void secondRound(DemoInstitution.SecondRound round) {
            for (Correction c : round.corrections()) {
                send("POST", "/api/survey/interviews/" + c.interviewId() + "/corrections", body("employeeId",
                        c.employeeId(), "productId", c.productId(), "hours", c.hours(), "reason", c.reason()));
                corrections.incrementAndGet();
            }
            for (SalaryChange s : round.salaryChanges()) {
                send("POST", "/api/survey/employees/" + s.employeeId() + "/salary", body("annualCost", s.annualCost(),
                        "effectiveDate", s.effectiveDate().toString(), "reason", s.reason()));
                salaryChanges.incrementAndGet();
            }
            log.info("Segunda ronda, cada cambio con su motivo: correcciones de entrevistas validadas: {}, "
                    + "cambios de salario: {}", corrections.get(), salaryChanges.get());
        }

        private void interview(Interview x) {
            send("POST", "/api/survey/interviews", body("id", x.id(), "centerId", x.centerId(),
                    "date", x.date() == null ? null : x.date().toString(), "interviewer", x.interviewer(),
                    "participants", x.participants()));
            interviews.incrementAndGet();
            for (Allocation a : x.allocations()) {
                send("PUT", "/api/survey/interviews/" + x.id() + "/allocations",
                        body("employeeId", a.employeeId(), "productId", a.productId(), "hours", a.hours()));
                allocations.incrementAndGet();
            }
            if (x.validated()) {
                send("POST", "/api/survey/interviews/" + x.id() + "/validation", Map.of());
                validations.incrementAndGet();
            }
        }

        private void chain(ValueChain v) {
            send("POST", "/api/valuechain/chains", body("id", v.id(), "name", v.name(), "resultId", v.resultId(),
                    "terminalProductId", v.terminalProductId()));
            chains.incrementAndGet();
            for (Link l : v.links()) {
                send("PUT", "/api/valuechain/chains/" + v.id() + "/links",
                        body("intermediateProductId", l.intermediateProductId(),
                                "feedsProductId", l.feedsProductId(), "weight", l.weight()));
                links.incrementAndGet();
            }
        }

        private void program(Program g) {
            send("POST", "/api/valuechain/programs", body("id", g.id(), "code", g.code(), "name", g.name(),
                    "expectedResult", g.expectedResult()));
            programs.incrementAndGet();
            for (Activity a : g.activities()) {
                send("POST", "/api/valuechain/programs/" + g.id() + "/activities", body("id", a.id(),
                        "name", a.name(), "kind", a.kind(), "productId", a.productId()));
                activities.incrementAndGet();
            }
            for (String chainId : g.chainIds()) {
                send("PUT", "/api/valuechain/programs/" + g.id() + "/chains/" + chainId, Map.of());
                programChains.incrementAndGet();
            }
            for (PlannedVolume v : g.plannedVolumes()) {
                send("PUT", "/api/valuechain/programs/" + g.id() + "/planned-volumes", body("productId",
                        v.productId(), "fiscalYear", v.fiscalYear(), "plannedVolume", v.plannedVolume()));
                plannedVolumes.incrementAndGet();
            }
        }

        /** Runs the task for every item on the pool and waits for all; the first failure cancels the rest. */
        /** Runs a section's requests on the pool; a section that takes a while says how far it is every 5 s. */
        private <T> void parallel(String section, List<T> items, Consumer<T> task) {
            List<Future<?>> futures = new ArrayList<>(items.size());
            AtomicInteger done = new AtomicInteger();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    task.accept(item);
                    done.incrementAndGet();
                }));
            }
            long begin = System.nanoTime();
            long nextReport = begin + PROGRESS_EVERY.toNanos();
            try {
                for (Future<?> f : futures) {
                    while (true) {
                        try {
                            f.get(250, TimeUnit.MILLISECONDS);
                            break;
                        } catch (TimeoutException stillRunning) {
                            if (System.nanoTime() > nextReport) {
                                double seconds = Math.max(0.001, (System.nanoTime() - begin) / 1e9);
                                log.info("{}: {} de {} ({} por segundo)", section, done.get(), items.size(),
                                        String.format(Locale.ROOT, "%.1f", done.get() / seconds));
                                nextReport = System.nanoTime() + PROGRESS_EVERY.toNanos();
                            }
                        }
                    }
                }
            } catch (ExecutionException e) {
                futures.forEach(f -> f.cancel(true));
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException r) {
                    throw r;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            } catch (InterruptedException e) {
                futures.forEach(f -> f.cancel(true));
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Carga de la institución interrumpida (" + source + ")", e);
            }
        }

        /** Sends one command as the institution's admin. */
        private String send(String method, String path, Object payload) {
            return send(institutionAdmin, method, path, payload);
        }

        /** Sends one command with this user's token; retries while the platform does not know a referenced entity yet. */
        private String send(TokenSource user, String method, String path, Object payload) {
            String request = method + " " + path;
            String json = JSON.writeValueAsString(payload);
            long deadline = System.nanoTime() + retryBudget.toNanos();
            long backoff = Math.max(1, firstBackoff.toMillis());
            int attempts = 0;
            while (true) {
                HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Authorization", "Bearer " + user.token())
                        .header("Content-Type", "application/json")
                        .header("Accept", "application/json")
                        .header("Accept-Language", "es")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                        .build();
                HttpResponse<String> response;
                try {
                    response = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new DemoLoadException(request, -1, String.valueOf(e), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoLoadException(request, -1, "interrumpida", e);
                }
                requests.incrementAndGet();
                attempts++;
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return response.body();
                }
                String code = errorCode(response.body());
                if (!notKnownYet(status, code)) {
                    throw new DemoLoadException(request, status, response.body());
                }
                long leftMillis = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMillis <= 0) {
                    throw new DemoLoadException(request, status, response.body() + " (aún rechazada tras " + attempts
                            + " intentos en " + retryBudget.toSeconds() + " s)");
                }
                long pause = Math.min(backoff, leftMillis);
                retries.incrementAndGet();
                log.debug("{} → {} {}: reintento en {} ms", request, status, code, pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new DemoLoadException(request, status, response.body() + " (reintento interrumpido)", e);
                }
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }

        /** The sum, formatted for the log (e.g. 115,465,876.54). */
        private String sum(List<BigDecimal> values) {
            BigDecimal total = values.stream().filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
            return String.format(Locale.ROOT, total.scale() > 0 ? "%,.2f" : "%,.0f", total);
        }
    }
}
