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
import org.ppi.contracts.catalog.ProductRegistered;
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
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * The in-place update against the whole computation, after every event of random institutions: allocations and
 * corrections (to zero too), dated salary, contract and transfer changes, departures, non-labour, center closures,
 * volumes, validations, and now and then a link (which recomputes everything, after which the update goes on from
 * the new figures). Every figure, its rows and the totals must be equal, exactly; and the update must have done
 * something: the figures move along the history (checked on the totals).
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
        for (EventEnvelope event : history(method, new Random(seed))) {
            var change = state.apply(event);
            boolean inPlace = figures != null && figures.index() != null && !change.everything() && !change.links();
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
        assertThat(totalsSeen).as("distinct unused totals along the history").hasSizeGreaterThan(100);
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
        for (int i = 0; i < 320; i++) {
            String e = employees.get(random.nextInt(employees.size()));
            String p = products.get(random.nextInt(products.size()));
            String c = centerOf.get(e);
            LocalDate date = LocalDate.of(2026, 1 + random.nextInt(12), 1 + random.nextInt(28));
            int kind = random.nextInt(100);
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
            } else {
                String id = "E" + employees.size();
                String center = centers.get(random.nextInt(centers.size()));
                employees.add(id);
                centerOf.put(id, center);
                payloads.add(new EmployeeRegistered(INSTITUTION, "u", id, center, id, null, BigDecimal.valueOf(500_000), null, date));
            }
        }
        List<EventEnvelope> events = new ArrayList<>();
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        for (Object payload : payloads) {
            clock = clock.plusSeconds(1);
            events.add(WorkedExampleEvents.envelope(payload, "ev-" + events.size(), clock));
        }
        return events;
    }
}
