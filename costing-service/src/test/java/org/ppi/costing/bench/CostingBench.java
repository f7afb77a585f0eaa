package org.ppi.costing.bench;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.ppi.contracts.EventTypes;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.survey.CenterArea;
import org.ppi.contracts.survey.CenterNonLabourCostRecorded;
import org.ppi.contracts.survey.CenterRegistered;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.EmployeeRegistered;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.TimeAllocated;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.Recalculation;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * In-memory costing benchmark on an institution at the seed's scale (30 centers, 87 employees, 258 products,
 * ~450 allocations, 5 chains): folding all events with incremental recalculation, versus recomputing the whole
 * institution on every event; one allocation change, incremental versus full; and one change of the link graph (a
 * product registered, then linked) against the same full computation. Run: {@code ./ppi bench}.
 * Prints figures and ratios; asserts nothing (it is not a test).
 */
public final class CostingBench {
    private static final String INSTITUTION = "bench";

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        // scale k: k × 30 centers (17: 510 centers, 1,479 employees, 4,386 products — a Poder Judicial)
        int scale = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        for (CostingMethod method : CostingMethod.values()) {
            List<EventEnvelope> events = institution(method, new Random(42), scale);
            Recalculator recalculator = new Recalculator();
            long incremental = Long.MAX_VALUE;
            long full = Long.MAX_VALUE;
            List<Long> oneChange = new ArrayList<>();
            List<Long> oneChangeFull = new ArrayList<>();
            List<Long> graphChange = new ArrayList<>();
            int rowsIncremental = 0;
            int rowsFull = 0;
            int rowsGraph = 0;
            for (int round = 0; round < rounds; round++) {
                long t0 = System.nanoTime();
                InstitutionState state = new InstitutionState(INSTITUTION);
                CostFigures figures = null;
                if (scale == 1) {
                    for (EventEnvelope event : events) {
                        figures = recalculator.recalculate(state, state.apply(event), figures).figures();
                    }
                } else { // a large institution: folded, then its figures computed once
                    events.forEach(state::apply);
                    figures = recalculator.full(state.toInput());
                }
                incremental = Math.min(incremental, System.nanoTime() - t0);

                long t1 = System.nanoTime();
                if (scale == 1) { // quadratic: only at the seed's scale
                    InstitutionState naive = new InstitutionState(INSTITUTION);
                    for (EventEnvelope event : events) {
                        naive.apply(event);
                        recalculator.full(naive.toInput());
                    }
                    full = Math.min(full, System.nanoTime() - t1);
                }

                // one allocation change, many times (the in-place update is too fast to time once)
                for (int i = 0; i < 60; i++) {
                    EventEnvelope change = envelope(new TimeAllocated(INSTITUTION, "u", "I-C00", "C00", "E000", "P000",
                            BigDecimal.valueOf(3 + (round * 60 + i) % 7)), "change-" + round + "-" + i,
                            Instant.parse("2027-01-01T00:00:00Z").plusSeconds(round * 60L + i));
                    long t2 = System.nanoTime();
                    Recalculation recalculation = recalculator.recalculate(state, state.apply(change), figures);
                    oneChange.add(System.nanoTime() - t2);
                    figures = recalculation.figures();
                    rowsIncremental = Math.max(rowsIncremental, rows(recalculation));
                    if (i % 20 == 19) {
                        long t3 = System.nanoTime();
                        CostFigures whole = recalculator.full(state.toInput());
                        oneChangeFull.add(System.nanoTime() - t3);
                        rowsFull = whole.products().size() + whole.employees().size() + whole.centers().size() + 1;
                    }
                }
                // a change of the link graph: a new intermediate registered, then linked into the first chain
                for (int i = 0; i < 20; i++) {
                    String id = "NEW-" + round + "-" + i;
                    Instant at = Instant.parse("2027-06-01T00:00:00Z").plusSeconds(round * 100L + i * 2L);
                    for (Object payload : List.of(new ProductRegistered(INSTITUTION, "u", id, "C01", id, ProductType.INTERMEDIATE,
                                    false, BigDecimal.TEN, "u", new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)),
                            new IntermediateLinked(INSTITUTION, "u", "VC0", id, null, BigDecimal.ONE))) {
                        EventEnvelope change = envelope(payload, id + "-" + payload.getClass().getSimpleName(), at);
                        long t4 = System.nanoTime();
                        Recalculation recalculation = recalculator.recalculate(state, state.apply(change), figures);
                        graphChange.add(System.nanoTime() - t4);
                        figures = recalculation.figures();
                        rowsGraph = Math.max(rowsGraph, rows(recalculation));
                        at = at.plusSeconds(1);
                    }
                }
            }
            long oneChangeIncremental = median(oneChange);
            long oneChangeFullMedian = median(oneChangeFull);
            System.out.printf("%-10s scale=%d events=%d  %s: %.1f ms (%.0f events/s)%s%n",
                    method, scale, events.size(), scale == 1 ? "fold+incremental" : "fold, then one full computation",
                    incremental / 1e6, events.size() / (incremental / 1e9), scale > 1 ? ""
                            : String.format("  fold+full-per-event: %.1f ms  ratio %.1fx", full / 1e6, (double) full / incremental));
            System.out.printf("%-10s one allocation change (median): incremental %.3f ms, %d figure rows; full %.3f ms, %d figure rows;"
                            + " ratio %.0fx in time, %.0fx in rows%n",
                    method, oneChangeIncremental / 1e6, rowsIncremental, oneChangeFullMedian / 1e6, rowsFull,
                    (double) oneChangeFullMedian / oneChangeIncremental, (double) rowsFull / rowsIncremental);
            long graphChangeMedian = median(graphChange);
            System.out.printf("%-10s one link-graph change (a product registered, then linked; median): %.3f ms, at most %d figure"
                            + " rows; ratio to the full computation %.0fx%n",
                    method, graphChangeMedian / 1e6, rowsGraph, (double) oneChangeFullMedian / graphChangeMedian);
        }
    }

    static List<EventEnvelope> institution(CostingMethod method, Random random) {
        return institution(method, random, 1);
    }

    static List<EventEnvelope> institution(CostingMethod method, Random random, int scale) {
        List<EventEnvelope> events = new ArrayList<>();
        Instant clock = Instant.parse("2026-01-01T00:00:00Z");
        List<Object> payloads = new ArrayList<>();
        payloads.add(new InstitutionRegistered(INSTITUTION, "u", "Bench", "DO", "DOP", 2026, BigDecimal.valueOf(40), method));
        int employee = 0;
        int product = 0;
        List<String> intermediates = new ArrayList<>();
        List<String> terminals = new ArrayList<>();
        for (int c = 0; c < 30 * scale; c++) {
            String center = String.format("C%02d", c);
            payloads.add(new CenterRegistered(INSTITUTION, "u", center, center, null,
                    c % 3 == 0 ? CenterArea.SUPPORT : CenterArea.SUBSTANTIVE, null, null, null, null));
            if (c % 2 == 0) {
                payloads.add(new CenterNonLabourCostRecorded(INSTITUTION, "u", center, BigDecimal.valueOf(100_000 + random.nextInt(400_000)), null));
            }
            int staff = c % 30 < 27 ? 3 : 2;
            int products = c % 30 < 18 ? 9 : 8;
            List<String> centerEmployees = new ArrayList<>();
            List<String> centerProducts = new ArrayList<>();
            for (int e = 0; e < staff; e++) {
                String id = String.format("E%03d", employee++);
                centerEmployees.add(id);
                payloads.add(new EmployeeRegistered(INSTITUTION, "u", id, center, id, null,
                        BigDecimal.valueOf(400_000 + random.nextInt(3_000_000)).add(new BigDecimal("0.37")),
                        BigDecimal.valueOf(40), LocalDate.of(2026, 1, 1)));
            }
            for (int p = 0; p < products; p++) {
                String id = String.format("P%03d", product++);
                boolean terminal = c % 3 != 0 && p % 2 == 0;
                (terminal ? terminals : intermediates).add(id);
                centerProducts.add(id);
                payloads.add(new ProductRegistered(INSTITUTION, "u", id, center, id,
                        terminal ? ProductType.TERMINAL : ProductType.INTERMEDIATE, false,
                        p == 7 ? null : BigDecimal.valueOf(1 + random.nextInt(2000)), "u",
                        new ProductFeatures(null, Set.of(), null, null, List.of(), null, null)));
            }
            for (String e : centerEmployees) {
                int rows = 5;
                for (int r = 0; r < rows; r++) {
                    payloads.add(new TimeAllocated(INSTITUTION, "u", "I-" + center, center, e,
                            centerProducts.get((r + centerEmployees.indexOf(e) * 2) % centerProducts.size()),
                            BigDecimal.valueOf(1 + random.nextInt(10))));
                }
            }
        }
        for (int chain = 0; chain < 5 * scale; chain++) {
            String terminal = terminals.get(chain * 7);
            payloads.add(new ValueChainDefined(INSTITUTION, "u", "VC" + chain, "VC" + chain, null, terminal));
            for (int link = 0; link < 9; link++) {
                payloads.add(new IntermediateLinked(INSTITUTION, "u", "VC" + chain, intermediates.get((chain * 9 + link) % intermediates.size()),
                        terminal, BigDecimal.valueOf(1 + link % 3)));
            }
        }
        for (Object payload : payloads) {
            clock = clock.plusSeconds(1);
            events.add(envelope(payload, "ev-" + events.size(), clock));
        }
        return events;
    }

    private static long median(List<Long> samples) {
        List<Long> sorted = new ArrayList<>(samples);
        java.util.Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** The figure rows a recalculation writes: each changed product, employee and center, and the institution's. */
    private static int rows(Recalculation r) {
        return r.changedProducts().size() + r.changedEmployees().size() + r.changedCenters().size() + (r.totalsChanged() ? 1 : 0);
    }

    private static EventEnvelope envelope(Object payload, String id, Instant at) {
        return new EventEnvelope(id, EventTypes.typeOf(payload.getClass()), "bench", null, at, INSTITUTION, "u", null, null,
                null, null, payload, new byte[0]);
    }
}
