package org.ppi.survey.readmodel;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterMoved;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterProfileRevised;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CenterRenamed;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.contracts.survey.ScopeRenamed;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.platform.web.PageQuery;
import org.ppi.platform.web.PageResponse;
import org.ppi.survey.allocation.AllocationProjection;
import org.ppi.survey.allocation.AllocationQueries;
import org.ppi.survey.allocation.AllocationQueries.AllocationRow;
import org.ppi.survey.center.CenterProjection;
import org.ppi.survey.center.CenterQueries;
import org.ppi.survey.center.CenterQueries.CenterRow;
import org.ppi.survey.employee.EmployeeProjection;
import org.ppi.survey.employee.EmployeeQueries;
import org.ppi.survey.employee.EmployeeQueries.EmployeeRow;
import org.ppi.survey.institution.InstitutionProjection;
import org.ppi.survey.institution.InstitutionQueries;
import org.ppi.survey.interview.InterviewProjection;
import org.ppi.survey.interview.InterviewQueries;
import org.ppi.survey.interview.InterviewQueries.InterviewDetail;
import org.ppi.survey.view.FunctionsAndOrganizationView;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Feeds survey events through the projections (dispatched the way Axon does) and reads them back through the
 * queries, on a real database: the same scenario must hold on H2 (PostgreSQL mode) and on PostgreSQL.
 * Worked example of DOMAIN.md for C1 and C2, plus a closed center, a departure, a transfer and a second tenant.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ReadModelContract {
    private static final String A = "inst-a";
    private static final String B = "inst-b";
    private static final String USER = "ana.planner";
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    private static final LocalDate JULY = LocalDate.of(2026, 7, 1);

    private final List<AnnotationEventHandlerAdapter> handlers = new ArrayList<>();
    private JdbcClient jdbc;
    private InstitutionQueries institutions;
    private CenterQueries centers;
    private EmployeeQueries employees;
    private InterviewQueries interviews;
    private AllocationQueries allocations;
    private FunctionsAndOrganizationView functions;
    private EventMessage<?> lastAnaAllocation;

    /** A data source on an empty schema of the database under test. */
    abstract DataSource emptyDatabase();

    @BeforeAll
    void feedTheScenario() {
        DataSource dataSource = emptyDatabase();
        // the service's own migrations, the event store's included (the interview's version is read from it)
        Flyway.configure().dataSource(dataSource).locations("classpath:db/axon", "classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        JsonMapper json = JsonMapper.builder().build();
        for (Object projection : List.of(new InstitutionProjection(jdbc), new CenterProjection(jdbc),
                new EmployeeProjection(jdbc), new InterviewProjection(jdbc, json), new AllocationProjection(jdbc))) {
            handlers.add(new AnnotationEventHandlerAdapter(projection));
        }
        institutions = new InstitutionQueries(jdbc);
        centers = new CenterQueries(jdbc);
        employees = new EmployeeQueries(jdbc);
        interviews = new InterviewQueries(jdbc, json);
        allocations = new AllocationQueries(jdbc);
        functions = new FunctionsAndOrganizationView(jdbc);

        feed(new InstitutionRegistered(A, USER, "Defensor", "DO", "DOP", 2026, new BigDecimal("40"), CostingMethod.CLASSIC));
        feed(new InstitutionDetailsRevised(A, USER, "Defensor del Pueblo", "DO", "DOP", 2026, new BigDecimal("40")));
        feed(new ScopeDefined(A, USER, "s1", "Ámbito sustantivo"));
        feed(new ScopeDefined(A, USER, "s2", "Ámbito de apoyo"));
        feed(new ScopeRenamed(A, USER, "s2", "Ámbito administrativo"));
        feed(new CenterRegistered(A, USER, "c1", "Atención", "s1", CenterArea.SUPPORT, null, null, null, null));
        feed(new CenterRenamed(A, USER, "c1", "Dirección de Atención al Ciudadano"));
        feed(new CenterProfileRevised(A, USER, "c1", CenterArea.SUBSTANTIVE, "Atiende quejas", "3 analistas", "Ana"));
        feed(new CenterNonLabourCostRecorded(A, USER, "c1", new BigDecimal("120000"), "Bienes y servicios"));
        feed(new CenterRegistered(A, USER, "c2", "Dirección Administrativa", "s2", CenterArea.SUPPORT, "Gestiona",
                "2 técnicos", "Diego", null));
        feed(new CenterRegistered(A, USER, "c3", "Unidad 100% digital", "s2", CenterArea.SUPPORT, null, null, null, null));
        feed(new CenterMoved(A, USER, "c3", null, "c2"));
        feed(new CenterRegistered(A, USER, "c4", "Oficina regional", "s1", CenterArea.SUBSTANTIVE, null, null, null, null));

        feed(employee("ana", "c1", "Ana", "1200000", "40"));
        feed(employee("beto", "c1", "Beto", "900000", "40"));
        feed(employee("carla", "c1", "Carla", "600000", "20"));
        feed(employee("diego", "c2", "Diego", "800000", "40"));
        feed(employee("elena", "c2", "Elena", "500000", "40"));
        feed(employee("felix", "c4", "Félix", "300000", "40"));
        feed(new EmployeeSalaryChanged(A, USER, "diego", new BigDecimal("850000"), JULY, "Ascenso"));
        feed(new EmployeeTransferred(A, USER, "elena", "c2", "c3", JULY));
        feed(new EmployeeLeft(A, USER, "felix", JULY, "Renuncia"));
        feed(new CenterClosed(A, USER, "c4", JULY, "Fusión"));

        product(A, "p1", "c1", "Atención de quejas ciudadanas");
        product(A, "p2", "c1", "Informe anual de derechos humanos");
        feed(new InterviewOpened(A, USER, "i1", "c1", JAN, "Consultor", List.of("Ana", "Beto")));
        feed(allocated("i1", "ana", "p1", "30"));
        feed(allocated("i1", "ana", "p2", "12"));
        feed(allocated("i1", "beto", "p1", "40"));
        feed(allocated("i1", "carla", "p1", "10"));
        feed(allocated("i1", "carla", "p2", "10"));
        feed(new InterviewValidated(A, USER, "i1", "c1", JAN));
        feed(new AllocationCorrected(A, USER, "i1", "c1", "ana", "p2", new BigDecimal("8"), "Error de registro"));
        feed(new EmployeeContractedHoursChanged(A, USER, "carla", new BigDecimal("15"), JULY));
        feed(new InterviewOpened(A, USER, "i2", "c1", JULY, "Consultor", List.of()));
        feed(allocated("i2", "beto", "p1", "0"));
        lastAnaAllocation = feed(allocated("i2", "ana", "p1", "35"));

        feed(new InstitutionRegistered(B, "other", "Otra", "SV", "USD", 2026, new BigDecimal("40"), CostingMethod.INDIVIDUAL));
        feed(new ScopeDefined(B, "other", "sb", "Ámbito sustantivo"));
        feed(new CenterRegistered(B, "other", "cb", "Dirección B", "sb", CenterArea.SUBSTANTIVE, null, null, null, null));
        feed(new EmployeeRegistered(B, "other", "eb", "cb", "Ana B", null, new BigDecimal("999"), new BigDecimal("40"), JAN));
        product(B, "pb", "cb", "Producto B");
        feed(new InterviewOpened(B, "other", "ib", "cb", JAN, null, List.of()));
        feed(new TimeAllocated(B, "other", "ib", "cb", "eb", "pb", new BigDecimal("41")));
    }

    private EventMessage<?> feed(Object event) {
        EventMessage<?> message = GenericEventMessage.asEventMessage(event);
        for (AnnotationEventHandlerAdapter handler : handlers) {
            if (handler.canHandle(message)) {
                try {
                    handler.handle(message);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return message;
    }

    private static EmployeeRegistered employee(String id, String center, String name, String cost, String hours) {
        return new EmployeeRegistered(A, USER, id, center, name, "Analista", new BigDecimal(cost), new BigDecimal(hours), JAN);
    }

    private static TimeAllocated allocated(String interview, String employee, String product, String hours) {
        return new TimeAllocated(A, USER, interview, "c1", employee, product, new BigDecimal(hours));
    }

    private void product(String institution, String id, String center, String name) {
        jdbc.sql("insert into known_product (product_id, institution_id, center_id, name, product_type, active, "
                + "last_event_id) values (?,?,?,?,'TERMINAL',true,'ev')").params(id, institution, center, name).update();
    }

    private static PageQuery page(Map<String, String> sortColumns, String fallback, String... sort) {
        return PageQuery.of(0, 50, List.of(sort), sortColumns, fallback);
    }

    private PageResponse<CenterRow> centers(String institution, String scope, CenterArea area, Boolean closed, String q) {
        return centers.list(institution, new CenterQueries.Filter(scope, area, closed, q),
                page(CenterQueries.SORT, CenterQueries.FALLBACK, "name,asc"));
    }

    private EmployeeRow employee(String id) {
        return employees.one(A, id).orElseThrow();
    }

    @Test
    void institutionAndScopes() {
        var institution = institutions.institution(A).orElseThrow();
        assertThat(institution.name()).isEqualTo("Defensor del Pueblo");
        assertThat(institution.weeklyHours()).isEqualByComparingTo("40");
        var scopes = institutions.scopes(A, null, page(InstitutionQueries.SCOPE_SORT, InstitutionQueries.SCOPE_FALLBACK,
                "name,asc"));
        assertThat(scopes.items()).extracting(InstitutionQueries.ScopeRow::name)
                .containsExactly("Ámbito administrativo", "Ámbito sustantivo");
        assertThat(scopes.items()).extracting(InstitutionQueries.ScopeRow::centers).containsExactly(1L, 1L);
        assertThat(institutions.scope(B, "s1")).isEmpty();
    }

    @Test
    void centersAreFilteredSortedPagedAndScopedToTheInstitution() {
        assertThat(centers(A, null, null, null, null).items()).extracting(CenterRow::id)
                .containsExactly("c2", "c1", "c4", "c3");
        assertThat(centers(A, null, CenterArea.SUPPORT, null, null).items()).extracting(CenterRow::id)
                .containsExactly("c2", "c3");
        assertThat(centers(A, null, null, true, null).items()).extracting(CenterRow::id).containsExactly("c4");
        assertThat(centers(A, "s1", null, false, null).items()).extracting(CenterRow::id).containsExactly("c1");
        assertThat(centers(A, null, null, null, "%").items()).extracting(CenterRow::id).containsExactly("c3");
        assertThat(centers(A, null, null, null, "DIEGO").items()).extracting(CenterRow::id).containsExactly("c2");
        assertThat(centers(B, null, null, null, null).items()).extracting(CenterRow::id).containsExactly("cb");

        var secondPage = centers.list(A, new CenterQueries.Filter(null, null, null, null),
                PageQuery.of(1, 3, List.of("employees,desc"), CenterQueries.SORT, CenterQueries.FALLBACK));
        assertThat(secondPage.totalItems()).isEqualTo(4);
        assertThat(secondPage.totalPages()).isEqualTo(2);
        assertThat(secondPage.items()).hasSize(1);
    }

    @Test
    void centerDetailCarriesProfileStaffAndAudit() {
        CenterRow c1 = centers.one(A, "c1").orElseThrow();
        assertThat(c1.name()).isEqualTo("Dirección de Atención al Ciudadano");
        assertThat(c1.area()).isEqualTo(CenterArea.SUBSTANTIVE);
        assertThat(c1.scopeName()).isEqualTo("Ámbito sustantivo");
        assertThat(c1.nonLabourCost()).isEqualByComparingTo("120000");
        assertThat(c1.employees()).isEqualTo(3);
        assertThat(c1.annualCost()).isEqualByComparingTo("2700000");
        assertThat(c1.overAllocatedEmployees()).isEqualTo(2);
        assertThat(c1.updatedBy()).isEqualTo(USER);
        assertThat(c1.lastEventId()).isNotBlank();
        assertThat(c1.updatedAt()).isNotNull();

        CenterRow c3 = centers.one(A, "c3").orElseThrow();
        assertThat(c3.scopeId()).isNull();
        assertThat(c3.parentName()).isEqualTo("Dirección Administrativa");
        CenterRow c4 = centers.one(A, "c4").orElseThrow();
        assertThat(c4.closed()).isTrue();
        assertThat(c4.closedOn()).isEqualTo(JULY);
        assertThat(c4.closureReason()).isEqualTo("Fusión");
        assertThat(centers.one(B, "c1")).isEmpty();
    }

    @Test
    void employeesCarryTheirAllocatedTotalAndOverAllocationFlag() {
        EmployeeRow ana = employee("ana");
        assertThat(ana.allocatedHours()).isEqualByComparingTo("43");
        assertThat(ana.unallocatedHours()).isEqualByComparingTo("-3");
        assertThat(ana.overAllocated()).isTrue();
        assertThat(ana.lastEventId()).isEqualTo(lastAnaAllocation.getIdentifier());

        EmployeeRow carla = employee("carla");
        assertThat(carla.contractedHours()).isEqualByComparingTo("15");
        assertThat(carla.allocatedHours()).isEqualByComparingTo("20");
        assertThat(carla.overAllocated()).isTrue();
        assertThat(carla.contractedHoursEffectiveFrom()).isEqualTo(JULY);

        EmployeeRow beto = employee("beto");
        assertThat(beto.allocatedHours()).isEqualByComparingTo("0");
        assertThat(beto.overAllocated()).isFalse();

        EmployeeRow elena = employee("elena");
        assertThat(elena.centerId()).isEqualTo("c3");
        assertThat(elena.transferredOn()).isEqualTo(JULY);
        EmployeeRow diego = employee("diego");
        assertThat(diego.annualCost()).isEqualByComparingTo("850000");
        assertThat(diego.annualCostEffectiveFrom()).isEqualTo(JULY);
        EmployeeRow felix = employee("felix");
        assertThat(felix.active()).isFalse();
        assertThat(felix.leftOn()).isEqualTo(JULY);
        assertThat(felix.departureReason()).isEqualTo("Renuncia");

        var over = employees.list(A, new EmployeeQueries.Filter(null, null, true, null),
                page(EmployeeQueries.SORT, EmployeeQueries.FALLBACK, "name"));
        assertThat(over.items()).extracting(EmployeeRow::id).containsExactly("ana", "carla");
        var inactive = employees.list(A, new EmployeeQueries.Filter(null, false, null, null),
                page(EmployeeQueries.SORT, EmployeeQueries.FALLBACK));
        assertThat(inactive.items()).extracting(EmployeeRow::id).containsExactly("felix");
        var c1Staff = employees.list(A, new EmployeeQueries.Filter("c1", true, null, "a"),
                page(EmployeeQueries.SORT, EmployeeQueries.FALLBACK, "allocatedHours,desc"));
        assertThat(c1Staff.items()).extracting(EmployeeRow::id).containsExactly("ana", "carla", "beto");
        assertThat(employees.one(A, "eb")).isEmpty();
    }

    @Test
    void theLatestRecordedValueWinsAndZeroRemoves() {
        var current = allocations.list(A, new AllocationQueries.Filter(null, null, null, null),
                page(AllocationQueries.SORT, AllocationQueries.FALLBACK, "employee", "product"));
        assertThat(current.items()).extracting(AllocationRow::employeeId, AllocationRow::productId,
                        r -> r.hours().stripTrailingZeros().toPlainString(), AllocationRow::interviewId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ana", "p1", "35", "i2"),
                        org.assertj.core.groups.Tuple.tuple("ana", "p2", "8", "i1"),
                        org.assertj.core.groups.Tuple.tuple("carla", "p1", "10", "i1"),
                        org.assertj.core.groups.Tuple.tuple("carla", "p2", "10", "i1"));
        AllocationRow corrected = current.items().get(1);
        assertThat(corrected.productName()).isEqualTo("Informe anual de derechos humanos");
        assertThat(corrected.correctionReason()).isEqualTo("Error de registro");
        assertThat(corrected.employeeName()).isEqualTo("Ana");
        assertThat(corrected.centerName()).isEqualTo("Dirección de Atención al Ciudadano");

        assertThat(allocations.list(A, new AllocationQueries.Filter(null, null, "p1", "i2"),
                page(AllocationQueries.SORT, AllocationQueries.FALLBACK)).items())
                .extracting(AllocationRow::employeeId).containsExactly("ana");
        assertThat(allocations.list(A, new AllocationQueries.Filter("c1", "carla", null, null),
                page(AllocationQueries.SORT, AllocationQueries.FALLBACK)).totalItems()).isEqualTo(2);
        assertThat(allocations.list(B, new AllocationQueries.Filter(null, null, null, null),
                page(AllocationQueries.SORT, AllocationQueries.FALLBACK)).items())
                .extracting(AllocationRow::employeeId).containsExactly("eb");
    }

    @Test
    void interviewsKeepTheirOwnValuesAndStatus() {
        InterviewDetail i1 = interviews.one(A, "i1").orElseThrow();
        assertThat(i1.status()).isEqualTo(InterviewQueries.Status.VALIDATED);
        assertThat(i1.validatedOn()).isEqualTo(JAN);
        assertThat(i1.participants()).containsExactly("Ana", "Beto");
        assertThat(i1.centerName()).isEqualTo("Dirección de Atención al Ciudadano");
        assertThat(i1.allocations()).hasSize(5);
        assertThat(i1.allocatedHours()).isEqualByComparingTo("98");
        assertThat(i1.allocations()).filteredOn(a -> a.correctionReason() != null)
                .extracting(a -> a.productName()).containsExactly("Informe anual de derechos humanos");

        var open = interviews.list(A, "c1", InterviewQueries.Status.OPEN,
                page(InterviewQueries.SORT, InterviewQueries.FALLBACK, "date,desc"));
        assertThat(open.items()).extracting(InterviewQueries.InterviewRow::id).containsExactly("i2");
        assertThat(open.items().get(0).allocations()).isEqualTo(1);
        assertThat(interviews.one(B, "i1")).isEmpty();
    }

    @Test
    void functionsAndOrganizationGroupsOpenCentersByScope() {
        var view = functions.of(A, false);
        assertThat(view.groups()).extracting(FunctionsAndOrganizationView.ScopeGroup::scopeName)
                .containsExactly("Ámbito administrativo", "Ámbito sustantivo", null);
        var administrative = view.groups().get(0);
        assertThat(administrative.centers()).extracting(FunctionsAndOrganizationView.CenterLine::centerId)
                .containsExactly("c2");
        assertThat(administrative.employees()).isEqualTo(1);
        assertThat(administrative.annualCost()).isEqualByComparingTo("850000");
        var substantive = view.groups().get(1);
        assertThat(substantive.centers().get(0).function()).isEqualTo("Atiende quejas");
        assertThat(substantive.centers().get(0).manager()).isEqualTo("Ana");
        assertThat(substantive.employees()).isEqualTo(3);
        assertThat(substantive.annualCost()).isEqualByComparingTo("2700000");
        assertThat(view.groups().get(2).annualCost()).isEqualByComparingTo("500000");

        assertThat(view.byArea()).extracting(a -> a.area(), a -> a.centers(), a -> a.employees())
                .containsExactly(org.assertj.core.groups.Tuple.tuple(CenterArea.SUBSTANTIVE, 1L, 3L),
                        org.assertj.core.groups.Tuple.tuple(CenterArea.SUPPORT, 2L, 2L));
        assertThat(view.totals().centers()).isEqualTo(3);
        assertThat(view.totals().employees()).isEqualTo(5);
        assertThat(view.totals().annualCost()).isEqualByComparingTo("4050000");

        var withClosed = functions.of(A, true);
        assertThat(withClosed.totals().centers()).isEqualTo(4);
        assertThat(withClosed.totals().employees()).isEqualTo(5);
        assertThat(functions.of(B, false).totals().annualCost()).isEqualByComparingTo("999");
    }
}
