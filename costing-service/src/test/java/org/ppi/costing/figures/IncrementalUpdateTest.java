package org.ppi.costing.figures;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.contracts.survey.AllocationCorrected;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterClosed;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeContractedHoursChanged;
import org.ppi.contracts.survey.EmployeeLeft;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.EmployeeSalaryChanged;
import org.ppi.contracts.survey.EmployeeTransferred;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.InterviewOpened;
import org.ppi.contracts.survey.InterviewValidated;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * The in-place update against the whole computation, after every event of random institutions: allocations and
 * corrections (to zero too), dated salary, contract and transfer changes, departures, non-labour, center closures,
 * volumes, validations, and changes of the link graph carried in place too: links and unlinks (between intermediates
 * as well), chains retired, products registered mid-history (some after hours were already recorded for them),
 * retyped, merged into another and retired. Every figure, its rows and the totals must be equal, exactly; and the
 * update must have done something: the figures move along the history (checked on the totals), and the graph's
 * changes went through the update, not a recomputation.
 */
class IncrementalUpdateTest {
    private static final String INSTITUTION = "rnd";
    private final Recalculator recalculator = new Recalculator();

    @ParameterizedTest
    @CsvSource({"CLASSIC, 1", "CLASSIC, 2", "CLASSIC, 3", "INDIVIDUAL, 1", "INDIVIDUAL, 2", "INDIVIDUAL, 3"})
    void theUpdateInPlaceEqualsTheWholeComputationAfterEveryEvent(CostingMethod method, long seed) {
        InstitutionState state = new InstitutionState(INSTITUTION);
        CostFigures figures = null;
        Set<BigDecimal> totalsSeen = new java.util.HashSet<>();
        int incremental = 0;
        int graphInPlace = 0;
        for (EventEnvelope event : history(method, new Random(seed))) {
            var change = state.apply(event);
            boolean inPlace = figures != null && figures.index() != null && !change.everything();
            graphInPlace += inPlace && change.links() ? 1 : 0;
            Recalculation recalculation = recalculator.recalculate(state, change, figures);
            figures = recalculation.figures();
            incremental += inPlace ? 1 : 0;
            CostFigures full = recalculator.full(state.toInput());
            assertThat(figures.products()).as("products after %s", event.id()).isEqualTo(full.products());
            assertThat(figures.employees()).as("employees after %s", event.id()).isEqualTo(full.employees());
            assertThat(figures.centers()).as("centers after %s", event.id()).isEqualTo(full.centers());
            assertThat(figures.totals()).as("totals after %s", event.id()).isEqualTo(full.totals());
            assertThat(figures.totals().reconciles()).isTrue();
            assertThat(figures.counts()).as("counts after %s", event.id()).isEqualTo(full.counts());
            if (inPlace) { // the store reads each changed figure's value before from here
                assertThat(recalculation.before().products().keySet()).containsAll(recalculation.changedProducts());
                assertThat(recalculation.before().centers().keySet()).containsAll(recalculation.changedCenters());
            }
            totalsSeen.add(figures.totals().unusedCost().toCents());
        }
        assertThat(incremental).as("events the update carried in place").isGreaterThan(250);
        assertThat(graphInPlace).as("changes of the link graph the update carried in place").isGreaterThan(40);
        assertThat(totalsSeen).as("distinct unused totals along the history").hasSizeGreaterThan(100);
    }

    /**
     * Merges at two depths, where the hours that move belong to an employee no event names: W's hours count for X once
     * W is merged into X; merging X into T removes X from the graph (the employee's rows, read from the index, go to
     * T); V merged into a product N not registered yet leaves V's hours counting for nothing until N is registered
     * (the rows are found from the state: N has none in the index).
     */
    @ParameterizedTest
    @CsvSource({"CLASSIC", "INDIVIDUAL"})
    void mergesCarryTheHoursOfEmployeesNoEventNames(CostingMethod method) {
        List<Object> payloads = new ArrayList<>(List.of(
                new InstitutionRegistered(INSTITUTION, "u", "Merges", "DO", "DOP", 2026, BigDecimal.valueOf(40), method),
                new CenterRegistered(INSTITUTION, "u", "C", "C", null, CenterArea.SUBSTANTIVE, null, null, null, null),
                new InterviewOpened(INSTITUTION, "u", "I", "C", LocalDate.of(2026, 2, 1), "x", List.of()),
                new EmployeeRegistered(INSTITUTION, "u", "E1", "C", "E1", null, BigDecimal.valueOf(1_200_000), null, null),
                new EmployeeRegistered(INSTITUTION, "u", "E2", "C", "E2", null, BigDecimal.valueOf(2_400_000), null, null)));
        for (String id : List.of("W", "X", "T", "V")) {
            payloads.add(new ProductRegistered(INSTITUTION, "u", id, "C", id, ProductType.TERMINAL, false, BigDecimal.TEN,
                    "u", new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
        }
        payloads.add(new TimeAllocated(INSTITUTION, "u", "I", "C", "E1", "W", BigDecimal.valueOf(10)));
        payloads.add(new TimeAllocated(INSTITUTION, "u", "I", "C", "E1", "V", BigDecimal.valueOf(6)));
        payloads.add(new TimeAllocated(INSTITUTION, "u", "I", "C", "E2", "T", BigDecimal.valueOf(20)));
        payloads.add(new ProductMergedInto(INSTITUTION, "u", "W", "X"));
        payloads.add(new ProductMergedInto(INSTITUTION, "u", "X", "T"));
        payloads.add(new ProductMergedInto(INSTITUTION, "u", "V", "N"));
        payloads.add(new ProductRegistered(INSTITUTION, "u", "N", "C", "N", ProductType.TERMINAL, false, BigDecimal.ONE,
                "u", new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
        InstitutionState state = new InstitutionState(INSTITUTION);
        CostFigures figures = null;
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < payloads.size(); i++) {
            EventEnvelope event = WorkedExampleEvents.envelope(payloads.get(i), "m-" + i, clock.plusSeconds(i));
            figures = recalculator.recalculate(state, state.apply(event), figures).figures();
            CostFigures full = recalculator.full(state.toInput());
            assertThat(figures.products()).as("products after %s", payloads.get(i)).isEqualTo(full.products());
            assertThat(figures.employees()).as("employees after %s", payloads.get(i)).isEqualTo(full.employees());
            assertThat(figures.totals()).as("totals after %s", payloads.get(i)).isEqualTo(full.totals());
        }
        // all of E1's hours count again in the end (W's in T, V's in N): nothing is left unused but what E2's 20 leave
        assertThat(figures.products().get("T").labourRows()).extracting(r -> r.employeeId()).containsExactly("E1", "E2");
        assertThat(figures.products().get("N").labourRows()).extracting(r -> r.employeeId()).containsExactly("E1");
        assertThat(figures.products()).doesNotContainKeys("W", "X", "V");
    }

    private static List<EventEnvelope> history(CostingMethod method, Random random) {
        List<Object> payloads = new ArrayList<>();
        payloads.add(new InstitutionRegistered(INSTITUTION, "u", "Random", "DO", "DOP", 2026, BigDecimal.valueOf(40), method));
        List<String> centers = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            String id = "C" + c;
            centers.add(id);
            payloads.add(new CenterRegistered(INSTITUTION, "u", id, id, null, c % 3 == 0 ? CenterArea.SUPPORT : CenterArea.SUBSTANTIVE,
                    null, null, null, null));
            payloads.add(new InterviewOpened(INSTITUTION, "u", "I-" + id, id, LocalDate.of(2026, 2, 1), "x", List.of()));
            if (c % 2 == 0) {
                payloads.add(new CenterNonLabourCostRecorded(INSTITUTION, "u", id, BigDecimal.valueOf(50_000 + random.nextInt(200_000)), null));
            }
        }
        List<String> products = new ArrayList<>();
        List<String> intermediates = new ArrayList<>();
        List<String> terminals = new ArrayList<>();
        for (int p = 0; p < 24; p++) {
            String id = "P" + p;
            boolean terminal = p % 3 == 0;
            products.add(id);
            (terminal ? terminals : intermediates).add(id);
            payloads.add(new ProductRegistered(INSTITUTION, "u", id, centers.get(p % centers.size()), id,
                    terminal ? ProductType.TERMINAL : ProductType.INTERMEDIATE, p % 5 == 0,
                    p % 7 == 0 ? null : BigDecimal.valueOf(1 + random.nextInt(500)), "u",
                    new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
        }
        payloads.add(new ValueChainDefined(INSTITUTION, "u", "VC0", "VC0", null, terminals.get(0)));
        payloads.add(new ValueChainDefined(INSTITUTION, "u", "VC1", "VC1", null, terminals.get(1)));
        for (int l = 0; l < 6; l++) {
            payloads.add(new IntermediateLinked(INSTITUTION, "u", "VC" + (l % 2), intermediates.get(l),
                    l == 3 ? intermediates.get(7) : null, BigDecimal.valueOf(1 + l % 3)));
        }
        payloads.add(new IntermediateLinked(INSTITUTION, "u", "VC1", intermediates.get(7), null, BigDecimal.ONE));
        List<String> employees = new ArrayList<>();
        Map<String, String> centerOf = new HashMap<>();
        for (int e = 0; e < 16; e++) {
            String id = "E" + e;
            String center = centers.get(e % centers.size());
            employees.add(id);
            centerOf.put(id, center);
            payloads.add(new EmployeeRegistered(INSTITUTION, "u", id, center, id, null,
                    BigDecimal.valueOf(300_000 + random.nextInt(2_000_000)).add(new BigDecimal("0.37")),
                    e % 4 == 0 ? BigDecimal.valueOf(20) : null, e % 5 == 0 ? LocalDate.of(2026, 3, 1) : null));
        }
        List<String> unregistered = new ArrayList<>();
        for (int i = 0; i < 320; i++) {
            String e = employees.get(random.nextInt(employees.size()));
            String p = products.get(random.nextInt(products.size()));
            String c = centerOf.get(e);
            LocalDate date = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            int kind = random.nextInt(112);
            if (kind < 45) {
                payloads.add(new TimeAllocated(INSTITUTION, "u", "I-" + c, random.nextInt(10) == 0 ? null : c, e, p,
                        BigDecimal.valueOf(random.nextInt(16))));
            } else if (kind < 55) {
                payloads.add(new AllocationCorrected(INSTITUTION, "u", "I-" + c, c, e, p, BigDecimal.valueOf(random.nextInt(12)), "r"));
            } else if (kind < 62) {
                payloads.add(new EmployeeSalaryChanged(INSTITUTION, "u", e, BigDecimal.valueOf(300_000 + random.nextInt(2_000_000)),
                        random.nextBoolean() ? date : null, null));
            } else if (kind < 67) {
                String to = centers.get(random.nextInt(centers.size()));
                payloads.add(new EmployeeTransferred(INSTITUTION, "u", e, c, to, date));
                centerOf.put(e, to);
            } else if (kind < 72) {
                payloads.add(new EmployeeContractedHoursChanged(INSTITUTION, "u", e, BigDecimal.valueOf(10 + random.nextInt(35)), date));
            } else if (kind < 74) {
                payloads.add(new EmployeeLeft(INSTITUTION, "u", e, date, null));
            } else if (kind < 79) {
                payloads.add(new CenterNonLabourCostRecorded(INSTITUTION, "u", centers.get(random.nextInt(centers.size())),
                        BigDecimal.valueOf(random.nextInt(300_000)), null));
            } else if (kind < 80) {
                payloads.add(new CenterClosed(INSTITUTION, "u", centers.get(random.nextInt(centers.size())), date, null));
            } else if (kind < 86) {
                payloads.add(new ProductVolumeChanged(INSTITUTION, "u", p, random.nextInt(6) == 0 ? null : BigDecimal.valueOf(random.nextInt(900)), "u"));
            } else if (kind < 92) {
                payloads.add(new InterviewValidated(INSTITUTION, "u", "I-" + c, c, date));
            } else if (kind < 94) {
                payloads.add(new IntermediateLinked(INSTITUTION, "u", "VC" + random.nextInt(2),
                        intermediates.get(8 + random.nextInt(intermediates.size() - 8)), null, BigDecimal.ONE));
            } else if (kind >= 100) {
                graphChange(kind - 100, payloads, random, products, intermediates, terminals, unregistered);
            } else {
                String id = "E" + employees.size();
                String center = centers.get(random.nextInt(centers.size()));
                employees.add(id);
                centerOf.put(id, center);
                payloads.add(new EmployeeRegistered(INSTITUTION, "u", id, center, id, null, BigDecimal.valueOf(500_000), null, date));
            }
        }
        for (int i = 0; i < 30; i++) { // a tail of graph changes over the hours recorded
            graphChange(random.nextInt(12), payloads, random, products, intermediates, terminals, unregistered);
        }
        List<EventEnvelope> events = new ArrayList<>();
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        for (Object payload : payloads) {
            clock = clock.plusSeconds(1);
            events.add(WorkedExampleEvents.envelope(payload, "ev-" + events.size(), clock));
        }
        return events;
    }

    /**
     * One change of the link graph. Links go from an intermediate to a later one or to a chain's terminal, products are
     * only retyped to terminal and only terminals take merges, so the graph never closes a cycle.
     */
    private static void graphChange(int kind, List<Object> payloads, Random random, List<String> products,
                                    List<String> intermediates, List<String> terminals, List<String> unregistered) {
        String intermediate = intermediates.get(random.nextInt(intermediates.size() - 1));
        String later = intermediates.get(intermediates.indexOf(intermediate) + 1
                + random.nextInt(intermediates.size() - 1 - intermediates.indexOf(intermediate)));
        String chain = "VC" + random.nextInt(2);
        switch (kind) {
            case 0, 1 -> payloads.add(new IntermediateLinked(INSTITUTION, "u", chain, intermediate,
                    random.nextBoolean() ? later : null, BigDecimal.valueOf(1 + random.nextInt(4))));
            case 2 -> payloads.add(new IntermediateUnlinked(INSTITUTION, "u", chain, intermediate, null));
            case 3 -> payloads.add(new IntermediateUnlinked(INSTITUTION, "u", chain, intermediate, later));
            case 4 -> { // often one the hours named already (they draw from every product id): it gains them
                String id = unregistered.isEmpty() ? "N" + products.size() : unregistered.remove(0);
                boolean terminal = random.nextInt(3) == 0;
                if (!products.contains(id)) {
                    products.add(id);
                }
                payloads.add(new ProductRegistered(INSTITUTION, "u", id, "C" + random.nextInt(6), id,
                        terminal ? ProductType.TERMINAL : ProductType.INTERMEDIATE, false,
                        random.nextInt(4) == 0 ? null : BigDecimal.valueOf(1 + random.nextInt(300)), "u",
                        new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
                (terminal ? terminals : intermediates).add(id);
            }
            case 5 -> { // hours for it come before its registration
                String id = "N" + products.size();
                products.add(id);
                unregistered.add(id);
            }
            case 6 -> { // to terminal only (its links stop carrying cost; a terminal feeds nothing, so no cycle opens)
                String product = products.get(random.nextInt(products.size()));
                if (intermediates.size() > 4) {
                    payloads.add(new ProductRetyped(INSTITUTION, "u", product, ProductType.TERMINAL, random.nextBoolean()));
                    intermediates.remove(product);
                    if (!terminals.contains(product)) {
                        terminals.add(product);
                    }
                }
            }
            case 7 -> {
                String from = products.get(random.nextInt(products.size()));
                String into = terminals.get(random.nextInt(terminals.size()));
                if (!from.equals(into) && intermediates.size() > 4 && terminals.size() > 2) {
                    payloads.add(new ProductMergedInto(INSTITUTION, "u", from, into));
                    intermediates.remove(from);
                    terminals.remove(from);
                }
            }
            case 8 -> payloads.add(new ProductRetired(INSTITUTION, "u", products.get(random.nextInt(products.size())), "r"));
            case 9 -> payloads.add(new ValueChainRetired(INSTITUTION, "u", chain, "r"));
            case 10 -> payloads.add(new ValueChainDefined(INSTITUTION, "u", "VC" + random.nextInt(2), "VCx", null,
                    terminals.get(random.nextInt(terminals.size())))); // a retired chain defined again: its links count again
            default -> payloads.add(new IntermediateLinked(INSTITUTION, "u", "VC" + random.nextInt(2), intermediate, null,
                    BigDecimal.ONE));
        }
    }
}
