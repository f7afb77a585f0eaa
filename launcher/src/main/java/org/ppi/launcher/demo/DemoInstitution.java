package org.ppi.launcher.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

import tools.jackson.databind.json.JsonMapper;

/**
 * The demo institution as it is written in {@code /demo/defensoria-demo.json}: a synthetic Defensoría del Pueblo at
 * the scale of the seed's (30 production centers, 87 employees, 258 products). Ids in the file are local
 * ({@code C01}, {@code E001}, {@code P001}, ...); {@link #prefixed(String)} turns them into tenant-qualified ids so the
 * same file can be loaded for several institutions.
 *
 * <p>Everything but {@link #secondRound()} is the <b>first round</b>: the survey as validated (its figures are the
 * seed's, e.g. a total cost of 122,680,876.54). The second round is what was corrected later, after the first
 * round's figures had been read: corrections of validated interviews and salary changes, each with its reason. The
 * loader records them after an instant it reports, so {@code asOf} that instant answers the first round's figures.
 */
public record DemoInstitution(Institution institution, List<Scope> scopes, List<Center> centers,
                              List<Employee> employees, List<Product> products, List<Interview> interviews,
                              List<Impact> impacts, List<Result> results, List<ValueChain> valueChains,
                              List<Program> programs, SecondRound secondRound) {

    /** Classpath location of the bundled demo institution. */
    public static final String RESOURCE = "/demo/defensoria-demo.json";

    /** Ids accepted by the platform's services ({@code org.ppi.platform.web.Ids}). */
    private static final Pattern VALID_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DemoInstitution {
        Objects.requireNonNull(institution, "institution");
        scopes = copy(scopes);
        centers = copy(centers);
        employees = copy(employees);
        products = copy(products);
        interviews = copy(interviews);
        impacts = copy(impacts);
        results = copy(results);
        valueChains = copy(valueChains);
        programs = copy(programs);
        secondRound = secondRound == null ? new SecondRound(null, List.of(), List.of()) : secondRound;
    }

    public enum CostingMethod { CLASSIC, INDIVIDUAL }

    public enum Area { SUBSTANTIVE, SUPPORT }

    public enum ProductType { TERMINAL, INTERMEDIATE }

    public enum UserGroup { CITIZENS, OTHER_INSTITUTIONS, COMPANIES, INTERNAL_UNITS }

    public enum Frequency { DAILY, WEEKLY, MONTHLY, QUARTERLY, YEARLY, ON_DEMAND }

    public enum ActivityKind { SPECIFIC, COMMON, CENTRAL }

    /** The tenant: its id is the value of the {@code X-Institution-Id} header when loading. */
    public record Institution(String id, String name, String country, String currency, int fiscalYear,
                              BigDecimal weeklyHours, CostingMethod costingMethod) {
    }

    /** Ámbito: a group of centers. */
    public record Scope(String id, String name) {
    }

    /** Centro de producción; {@code nonLabourCost} is null when not recorded. */
    public record Center(String id, String name, String scopeId, Area area, String function, String organization,
                         String manager, String parentCenterId, BigDecimal nonLabourCost) {
    }

    /** Funcionario, with yearly cost (payroll plus employer contributions) and contracted weekly hours. */
    public record Employee(String id, String centerId, String name, String position, BigDecimal annualCost,
                           BigDecimal contractedHours) {
    }

    /** Producto with its rasgos productivos; {@code volume} null or 0 is a data gap (no unit cost). */
    public record Product(String id, String centerId, String name, String description, ProductType type, boolean core,
                          BigDecimal volume, String volumeUnit, List<UserGroup> users, Frequency frequency,
                          String elaborationTime, List<String> processSteps, String problems, String synergies) {
        public Product {
            users = copy(users);
            processSteps = copy(processSteps);
        }

        /** Volume unknown or not positive: the product gets no unit cost. */
        public boolean volumeGap() {
            return volume == null || volume.signum() <= 0;
        }
    }

    /** Entrevista with a center's manager and the weekly hours recorded in it. */
    public record Interview(String id, String centerId, LocalDate date, String interviewer, List<String> participants,
                            boolean validated, List<Allocation> allocations) {
        public Interview {
            participants = copy(participants);
            allocations = copy(allocations);
        }
    }

    /** Tiempo dedicado: weekly hours of one employee on one product. */
    public record Allocation(String employeeId, String productId, BigDecimal hours) {
    }

    public record Impact(String id, String name, String description, String indicator) {
    }

    public record Result(String id, String impactId, String name, String description, String indicator) {
    }

    /** Cadena de valor público: result ← CORE terminal product ← intermediate products (links in file order). */
    public record ValueChain(String id, String name, String resultId, String terminalProductId, List<Link> links) {
        public ValueChain {
            links = copy(links);
        }
    }

    /** An intermediate product feeding the chain's terminal product or another intermediate of the chain. */
    public record Link(String intermediateProductId, String feedsProductId, BigDecimal weight) {
    }

    /** Programa presupuestario with its activities, the value chains it groups and planned volumes. */
    public record Program(String id, String code, String name, String expectedResult, List<String> chainIds,
                          List<Activity> activities, List<PlannedVolume> plannedVolumes) {
        public Program {
            chainIds = copy(chainIds);
            activities = copy(activities);
            plannedVolumes = copy(plannedVolumes);
        }
    }

    /** Actividad; {@code productId} is null for an activity that produces nothing (e.g. transfers). */
    public record Activity(String id, String name, ActivityKind kind, String productId) {
    }

    public record PlannedVolume(String productId, int fiscalYear, BigDecimal plannedVolume) {
    }

    /**
     * What was recorded after the first round: {@code corrections} of allocations of validated interviews (the hours
     * replace the recorded ones) and {@code salaryChanges} from an effective date.
     */
    public record SecondRound(String description, List<Correction> corrections, List<SalaryChange> salaryChanges) {
        public SecondRound {
            corrections = copy(corrections);
            salaryChanges = copy(salaryChanges);
        }
    }

    /** The corrected weekly hours of one employee on one product in a validated interview, and why. */
    public record Correction(String interviewId, String employeeId, String productId, BigDecimal hours,
                             String reason) {
    }

    /** A new annual cost of an employee from an effective date, and why. */
    public record SalaryChange(String employeeId, BigDecimal annualCost, LocalDate effectiveDate, String reason) {
    }

    /** Reads (and closes) a demo institution written in the file's format. */
    public static DemoInstitution read(InputStream in) {
        Objects.requireNonNull(in, "in");
        try (in) {
            return JSON.readValue(in, DemoInstitution.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The demo institution bundled with the launcher ({@value #RESOURCE}). */
    public static DemoInstitution bundled() {
        InputStream in = DemoInstitution.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Demo institution not found on the classpath: " + RESOURCE);
        }
        return read(in);
    }

    /** Number of time allocations over all interviews. */
    public int allocationCount() {
        return interviews.stream().mapToInt(i -> i.allocations().size()).sum();
    }

    /**
     * A copy for the tenant {@code institutionId}: the institution takes that id, and every id (scope, center,
     * employee, product, interview, impact, result, chain, program, activity) and every reference to one is prefixed
     * {@code institutionId + "."}. Nothing else changes.
     */
    public DemoInstitution prefixed(String institutionId) {
        Objects.requireNonNull(institutionId, "institutionId");
        if (!VALID_ID.matcher(institutionId).matches() || institutionId.length() > 80) {
            throw new IllegalArgumentException("Invalid institution id: '" + institutionId + "'");
        }
        String prefix = institutionId + ".";
        UnaryOperator<String> p = id -> id == null ? null : prefix + id;
        Institution inst = new Institution(institutionId, institution.name(), institution.country(),
                institution.currency(), institution.fiscalYear(), institution.weeklyHours(),
                institution.costingMethod());
        return new DemoInstitution(inst,
                map(scopes, s -> new Scope(p.apply(s.id()), s.name())),
                map(centers, c -> new Center(p.apply(c.id()), c.name(), p.apply(c.scopeId()), c.area(), c.function(),
                        c.organization(), c.manager(), p.apply(c.parentCenterId()), c.nonLabourCost())),
                map(employees, e -> new Employee(p.apply(e.id()), p.apply(e.centerId()), e.name(), e.position(),
                        e.annualCost(), e.contractedHours())),
                map(products, x -> new Product(p.apply(x.id()), p.apply(x.centerId()), x.name(), x.description(),
                        x.type(), x.core(), x.volume(), x.volumeUnit(), x.users(), x.frequency(), x.elaborationTime(),
                        x.processSteps(), x.problems(), x.synergies())),
                map(interviews, i -> new Interview(p.apply(i.id()), p.apply(i.centerId()), i.date(), i.interviewer(),
                        i.participants(), i.validated(),
                        map(i.allocations(), a -> new Allocation(p.apply(a.employeeId()), p.apply(a.productId()),
                                a.hours())))),
                map(impacts, m -> new Impact(p.apply(m.id()), m.name(), m.description(), m.indicator())),
                map(results, r -> new Result(p.apply(r.id()), p.apply(r.impactId()), r.name(), r.description(),
                        r.indicator())),
                map(valueChains, v -> new ValueChain(p.apply(v.id()), v.name(), p.apply(v.resultId()),
                        p.apply(v.terminalProductId()),
                        map(v.links(), l -> new Link(p.apply(l.intermediateProductId()), p.apply(l.feedsProductId()),
                                l.weight())))),
                map(programs, g -> new Program(p.apply(g.id()), g.code(), g.name(), g.expectedResult(),
                        map(g.chainIds(), p),
                        map(g.activities(), a -> new Activity(p.apply(a.id()), a.name(), a.kind(),
                                p.apply(a.productId()))),
                        map(g.plannedVolumes(), v -> new PlannedVolume(p.apply(v.productId()), v.fiscalYear(),
                                v.plannedVolume())))),
                new SecondRound(secondRound.description(),
                        map(secondRound.corrections(), c -> new Correction(p.apply(c.interviewId()),
                                p.apply(c.employeeId()), p.apply(c.productId()), c.hours(), c.reason())),
                        map(secondRound.salaryChanges(), s -> new SalaryChange(p.apply(s.employeeId()),
                                s.annualCost(), s.effectiveDate(), s.reason()))));
    }

    private static <T, R> List<R> map(List<T> list, Function<T, R> f) {
        return list.stream().map(f).toList();
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
