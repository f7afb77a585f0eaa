package org.ppi.costing.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.costing.rules.CostingInput;
import org.ppi.costing.state.Basis;
import org.ppi.costing.state.FiscalYear;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * DOMAIN.md's second worked example, figure by figure under both methods: Ana goes part time (20 h, 600,000)
 * from 1 April, Beto is transferred from C1 to C2 on 1 July, Elena leaves on 30 September. The expected figures
 * are what {@code docs/worked_example_2.py} computes with fractions from DOMAIN.md's rules, not from this code.
 * The staffing facts are recorded out of date order (the departure first, the transfer last), as a survey
 * catches up with the year.
 */
class SecondWorkedExampleTest {
    private static final String I = "demo";
    private static final String U = "analyst";

    private final Recalculator recalculator = new Recalculator();

    @Test
    void classicFigureByFigure() {
        CostFigures f = figures(CostingMethod.CLASSIC);
        assertCents(f.centers().get("C1").payroll(), "1794246.58");
        assertCents(f.centers().get("C2").payroll(), "1627671.23");
        assertCents(f.centers().get("C1").staffYears(), "2.50");
        assertCents(f.centers().get("C2").staffYears(), "2.25");
        assertCents(f.centers().get("C1").capacityHours(), "99.84");
        assertCents(f.centers().get("C2").capacityHours(), "90.08");
        expect(f, Map.of("P1", "805786.09", "P2", "269580.13", "P3", "543547.15", "P4", "795618.37", "P5", "135144.24"),
                Map.of("P1", "53891.33", "P2", "18029.64", "P3", "20036.50", "P4", "29328.47", "P5", "4981.75"),
                Map.of("P1", "859677.42", "P2", "287609.77", "P3", "563583.64", "P4", "824946.84", "P5", "140125.99"));
        assertCents(f.products().get("P1").fullCost(), "2107311.99");
        assertCents(f.products().get("P2").fullCost(), "428505.68");
        assertCents(f.products().get("P1").unitCost(), "716.40");
        assertCents(f.products().get("P1").fullUnitCost(), "1756.09");
        assertThat(f.products().get("P5").volumeGap()).isTrue();
        unused(f, Map.of("Ana", "359440.18", "Beto", "0.00", "Carla", "359440.18", "Diego", "72274.94", "Elena", "81086.54"));
        assertCents(f.centers().get("C1").unusedCost(), "766959.39");
        assertCents(f.centers().get("C2").unusedCost(), "159014.77");
        assertCents(f.totals().unattributedIntermediateCost(), "140125.99");
        assertCents(f.totals().totalCost(), "3601917.81");
        assertThat(f.totals().reconciles()).isTrue();
    }

    @Test
    void individualFigureByFigure() {
        CostFigures f = figures(CostingMethod.INDIVIDUAL);
        assertCents(f.centers().get("C1").capacityHours(), "64.77");
        expect(f, Map.of("P1", "1196301.37", "P2", "450000.00", "P3", "626849.32", "P4", "771232.88", "P5", "93493.15"),
                Map.of("P1", "83071.07", "P2", "27791.88", "P3", "20036.50", "P4", "29328.47", "P5", "4981.75"),
                Map.of("P1", "1279372.44", "P2", "477791.88", "P3", "646885.81", "P4", "800561.34", "P5", "98474.90"));
        assertCents(f.products().get("P1").fullCost(), "2565098.14");
        assertCents(f.products().get("P2").fullCost(), "639513.33");
        assertCents(f.products().get("P1").unitCost(), "1066.14");
        assertCents(f.products().get("P1").fullUnitCost(), "2137.58");
        unused(f, Map.of("Ana", "147945.21", "Beto", "0.00", "Carla", "0.00", "Diego", "80000.00", "Elena", "56095.89"));
        assertCents(f.centers().get("C1").unusedCost(), "157082.26");
        assertCents(f.centers().get("C2").unusedCost(), "141749.18");
        assertCents(f.totals().unattributedIntermediateCost(), "98474.90");
        assertCents(f.totals().totalCost(), "3601917.81");
        assertThat(f.totals().reconciles()).isTrue();
    }

    /** The order events arrive in never changes a figure: the dates decide. */
    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void anyArrivalOrderGivesTheSameFigures(CostingMethod method) {
        List<EventEnvelope> events = events(method);
        List<EventEnvelope> reversedStaffing = new ArrayList<>(events);
        java.util.Collections.reverse(reversedStaffing.subList(5, 12));
        assertThat(fold(reversedStaffing).totals()).isEqualTo(fold(events).totals());
        assertThat(fold(reversedStaffing).products()).isEqualTo(fold(events).products());
    }

    /** Applying the events one by one with the incremental recalculation reaches the full computation's figures. */
    @ParameterizedTest
    @EnumSource(CostingMethod.class)
    void incrementalEqualsFull(CostingMethod method) {
        InstitutionState state = new InstitutionState(I);
        CostFigures previous = null;
        for (EventEnvelope e : events(method)) {
            previous = recalculator.recalculate(state, state.apply(e), previous).figures();
            assertThat(previous.totals()).isEqualTo(recalculator.full(state.toInput()).totals());
        }
        assertThat(previous.products()).isEqualTo(recalculator.full(state.toInput()).products());
    }

    /** Two fiscal years from one history: in 2027 Elena is gone, Beto is in C2 and Ana part time all year. */
    @Test
    void theNextFiscalYearStartsFromTheSameStructure() {
        InstitutionState state = new InstitutionState(I);
        events(CostingMethod.INDIVIDUAL).forEach(state::apply);
        CostingInput next = state.toInput(new FiscalYear(2027), Basis.ALL);
        CostFigures f = recalculator.full(next);
        assertThat(next.employees()).doesNotContainKey("Elena");
        assertCents(f.totals().payroll(), "2900000.00");
        assertCents(f.centers().get("C2").payroll(), "1700000.00");
        // Beto's C1 hours stop with the transfer: in 2027 only his C2 interview's hours count
        assertCents(f.employees().get("Beto").unusedCost(), "0.00");
        assertThat(f.products().get("P1").direct()).isNotEqualTo(figures(CostingMethod.INDIVIDUAL).products().get("P1").direct());
        assertThat(f.totals().reconciles()).isTrue();
    }

    private static void expect(CostFigures f, Map<String, String> labour, Map<String, String> nonLabour, Map<String, String> direct) {
        labour.forEach((p, v) -> assertCents(f.products().get(p).labour(), v));
        nonLabour.forEach((p, v) -> assertCents(f.products().get(p).nonLabour(), v));
        direct.forEach((p, v) -> assertCents(f.products().get(p).direct(), v));
    }

    private static void unused(CostFigures f, Map<String, String> expected) {
        expected.forEach((e, v) -> assertCents(f.employees().get(e).unusedCost(), v));
    }

    private static void assertCents(Rational value, String expected) {
        assertThat(value.toCents()).as(value.toString()).isEqualByComparingTo(expected);
    }

    private CostFigures figures(CostingMethod method) {
        return fold(events(method));
    }

    private CostFigures fold(List<EventEnvelope> events) {
        InstitutionState state = new InstitutionState(I);
        events.forEach(state::apply);
        return recalculator.full(state.toInput());
    }

    static List<EventEnvelope> events(CostingMethod method) {
        List<Object> p = new ArrayList<>();
        p.add(new InstitutionRegistered(I, U, "Defensoría", "DO", "DOP", 2026, BigDecimal.valueOf(40), method));
        p.add(new CenterRegistered(I, U, "C1", "Dirección de Atención al Ciudadano", null, CenterArea.SUBSTANTIVE, null, null, null, null));
        p.add(new CenterRegistered(I, U, "C2", "Dirección Administrativa", null, CenterArea.SUPPORT, null, null, null, null));
        p.add(new CenterNonLabourCostRecorded(I, U, "C1", new BigDecimal("120000"), null));
        p.add(new CenterNonLabourCostRecorded(I, U, "C2", new BigDecimal("60000"), null));
        // indexes 5..11: registrations and dated staffing facts, the departure recorded before the others
        p.add(employee("Ana", "C1", "1200000", 40));
        p.add(employee("Beto", "C1", "900000", 40));
        p.add(new EmployeeLeft(I, U, "Elena", LocalDate.of(2026, 9, 30), "renuncia"));
        p.add(new EmployeeContractedHoursChanged(I, U, "Ana", BigDecimal.valueOf(20), LocalDate.of(2026, 4, 1)));
        p.add(new EmployeeSalaryChanged(I, U, "Ana", new BigDecimal("600000"), LocalDate.of(2026, 4, 1), "medio tiempo"));
        p.add(new EmployeeTransferred(I, U, "Beto", "C1", "C2", LocalDate.of(2026, 7, 1)));
        p.add(employee("Carla", "C1", "600000", 20));
        p.add(employee("Diego", "C2", "800000", 40));
        p.add(employee("Elena", "C2", "500000", 40));
        p.add(product("P1", "C1", ProductType.TERMINAL, true, "1200"));
        p.add(product("P2", "C1", ProductType.TERMINAL, false, "1"));
        p.add(product("P3", "C2", ProductType.INTERMEDIATE, false, "12"));
        p.add(product("P4", "C2", ProductType.INTERMEDIATE, false, "40"));
        p.add(product("P5", "C2", ProductType.INTERMEDIATE, false, "0"));
        p.add(hours("C1", "Ana", "P1", 15));
        p.add(hours("C1", "Ana", "P2", 5));
        p.add(hours("C1", "Beto", "P1", 40));
        p.add(hours("C1", "Carla", "P1", 10));
        p.add(hours("C1", "Carla", "P2", 10));
        p.add(hours("C2", "Beto", "P3", 20));
        p.add(hours("C2", "Beto", "P4", 20));
        p.add(hours("C2", "Diego", "P3", 20));
        p.add(hours("C2", "Diego", "P4", 16));
        p.add(hours("C2", "Elena", "P4", 24));
        p.add(hours("C2", "Elena", "P5", 10));
        p.add(new ValueChainDefined(I, U, "VC1", "Quejas", null, "P1"));
        p.add(new ValueChainDefined(I, U, "VC2", "Informe", null, "P2"));
        p.add(new IntermediateLinked(I, U, "VC1", "P3", "P1", BigDecimal.valueOf(3)));
        p.add(new IntermediateLinked(I, U, "VC2", "P3", "P2", BigDecimal.ONE));
        p.add(new IntermediateLinked(I, U, "VC1", "P4", "P1", BigDecimal.ONE));
        List<EventEnvelope> events = new ArrayList<>();
        Instant clock = Instant.parse("2026-11-02T12:00:00Z");
        for (Object payload : p) {
            clock = clock.plusSeconds(1);
            events.add(WorkedExampleEvents.envelope(payload, "ev-" + (events.size() + 1), clock));
        }
        return events;
    }

    private static EmployeeRegistered employee(String name, String center, String cost, int hours) {
        return new EmployeeRegistered(I, U, name, center, name, null, new BigDecimal(cost), BigDecimal.valueOf(hours), null);
    }

    private static ProductRegistered product(String id, String center, ProductType type, boolean core, String volume) {
        return new ProductRegistered(I, U, id, center, id, type, core, new BigDecimal(volume), "u",
                new ProductFeatures(null, Set.of(), null, null, List.of(), null, null));
    }

    private static TimeAllocated hours(String center, String employee, String product, int hours) {
        return new TimeAllocated(I, U, "I-" + center, center, employee, product, BigDecimal.valueOf(hours));
    }
}
