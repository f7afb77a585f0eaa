package org.ppi.budget.property;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.ppi.budget.figures.BudgetFigures;
import org.ppi.budget.figures.YearFigures;
import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.rules.BudgetRules;
import org.ppi.budget.rules.ProductContribution;
import org.ppi.budget.rules.ProgramBudget;
import org.ppi.budget.state.BudgetState;
import org.ppi.budget.state.WorkedExample;
import org.ppi.contracts.PpiEvent;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineCorrected;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ApnopLineRemoved;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.contracts.valuechain.ProgramShareWithdrawn;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;

/**
 * Random institutions, their events applied one by one: after every event, for every fiscal year in play, the
 * reconciliation holds exactly (before rounding) — Σ programs' parts + central actions + unassigned + unused =
 * the cost of production computed here from the published figures alone, independently of the rules — each
 * product's parts add up to its cost, and the grand total is that plus what is planned beyond current
 * production plus APNOP. The seed of a failing case is in the failure message.
 */
class ReconciliationPropertyTest {
    private static final long SEED = 20_260_413L;
    private static final int CASES = 200;
    private static final int YEAR = 2026;
    private static final String INSTITUTION = "prop";

    @Test
    void theReconciliationHoldsToTheCentAfterEveryEvent() {
        int checked = 0;
        for (int i = 0; i < CASES; i++) {
            long seed = SEED + i;
            checked += runCase(seed);
        }
        assertThat(checked).as("events checked").isGreaterThan(CASES * 20);
    }

    private static int runCase(long seed) {
        Random random = new Random(seed);
        Model model = new Model();
        BudgetState state = new BudgetState(INSTITUTION);
        Instant clock = Instant.parse("2026-02-01T00:00:00Z");
        int events = 20 + random.nextInt(40);
        for (int n = 0; n < events; n++) {
            PpiEvent event = model.next(random);
            clock = clock.plusSeconds(1);
            state.apply(WorkedExample.envelope(event, "ev-" + seed + "-" + n, clock));
            String where = "seed " + seed + ", event " + n + " " + event;
            for (int year : state.fiscalYears()) {
                check(state, model, year, where + ", year " + year);
            }
        }
        return events;
    }

    private static void check(BudgetState state, Model model, int year, String where) {
        BudgetResult result = BudgetRules.compute(state.toInput(year));
        Rational production = model.costOfProduction();
        Rational lines = result.programsTotal().plus(result.centralActions()).plus(result.unassignedTerminals())
                .plus(result.unusedCapacity());
        assertThat(lines).as("Σ lines = cost of production, " + where).isEqualTo(production);
        assertThat(result.total()).as("total, " + where).isEqualTo(production);
        assertThat(result.reconcilesWithCost()).as(where).isTrue();

        Rational programsBudget = Rational.ZERO;
        Map<String, Rational> byProduct = new HashMap<>();
        for (ProgramBudget program : result.programs().values()) {
            programsBudget = programsBudget.plus(program.budget());
            for (ProductContribution c : program.contributions().values()) {
                assertThat(c.costShare().signum()).as("no negative part, " + where).isGreaterThanOrEqualTo(0);
                assertThat(c.plannedBeyond().signum()).as("no negative excess, " + where).isGreaterThanOrEqualTo(0);
                byProduct.merge(c.productId(), c.costShare(), Rational::plus);
            }
        }
        result.unassignedByProduct().forEach((p, amount) -> {
            // a negative remainder would mean programs take more than the product costs
            assertThat(amount.signum()).as("unassigned part of " + p + " not negative, " + where).isPositive();
            byProduct.merge(p, amount, Rational::plus);
        });
        result.centralProducts().forEach((p, amount) -> byProduct.merge(p, amount, Rational::plus));
        model.activeTerminals().forEach((productId, fullCost) ->
                assertThat(byProduct.getOrDefault(productId, Rational.ZERO))
                        .as("parts of " + productId + " = its cost, " + where).isEqualTo(fullCost));
        assertThat(programsBudget).as("Σ program budgets, " + where)
                .isEqualTo(result.programsTotal().plus(result.plannedBeyond()));
        assertThat(result.apnopTotal()).as("APNOP, " + where).isEqualTo(model.apnop(year));
        assertThat(result.budgetTotal()).as("grand total, " + where)
                .isEqualTo(production.plus(result.plannedBeyond()).plus(model.apnop(year)));

        if (model.step % 7 == 0) {
            YearFigures figures = BudgetFigures.year(state, year, true);
            assertThat(figures.summary().total()).as("summary, " + where).isEqualByComparingTo(production.toCents());
        }
    }

    /** What has been published so far, kept independently of the budget's own state. */
    private static final class Model {
        final Map<String, ProductCostRecalculated> products = new TreeMap<>();
        Rational central = Rational.ZERO;
        Rational unused = Rational.ZERO;
        final List<String> programs = new ArrayList<>();
        final List<String> chains = new ArrayList<>();
        final Map<String, String> chainProgram = new HashMap<>();
        final Map<String, ApnopLineRecorded> apnop = new TreeMap<>();
        int step;

        Map<String, Rational> activeTerminals() {
            Map<String, Rational> result = new TreeMap<>();
            products.values().stream().filter(p -> p.active() && p.type() == ProductType.TERMINAL)
                    .forEach(p -> result.put(p.productId(), Rational.parse(p.fullCost().exact())));
            return result;
        }

        Rational costOfProduction() {
            Rational total = central.plus(unused);
            for (Rational cost : activeTerminals().values()) {
                total = total.plus(cost);
            }
            return total;
        }

        Rational apnop(int year) {
            Rational total = Rational.ZERO;
            for (ApnopLineRecorded line : apnop.values()) {
                if (line.fiscalYear() == year) {
                    total = total.plus(Rational.of(line.amount()));
                }
            }
            return total;
        }

        PpiEvent next(Random r) {
            step++;
            String product = "P" + r.nextInt(6);
            String program = programs.isEmpty() ? null : programs.get(r.nextInt(programs.size()));
            int year = YEAR + r.nextInt(2);
            int choice = r.nextInt(15);
            if (program == null || choice == 0) {
                String id = "PR" + programs.size();
                programs.add(id);
                return new ProgramDefined(INSTITUTION, "u", id, id, "Programa " + id, null);
            }
            switch (choice) {
                case 1, 2, 3 -> {
                    ProductType type = r.nextInt(5) == 0 ? ProductType.INTERMEDIATE : ProductType.TERMINAL;
                    Amount cost = amount(Rational.of(BigInteger.valueOf(r.nextInt(5_000_000)),
                            BigInteger.valueOf(1 + r.nextInt(7))));
                    BigDecimal volume = switch (r.nextInt(4)) {
                        case 0 -> null;
                        case 1 -> BigDecimal.ZERO;
                        default -> BigDecimal.valueOf(1 + r.nextInt(500));
                    };
                    ProductCostRecalculated e = new ProductCostRecalculated(INSTITUTION, "u", product, "C",
                            CostingMethod.CLASSIC, type, false, r.nextInt(8) != 0, null, null, cost, volume, null, cost,
                            null, true, null, "cause", 0, LineageRef.product(product));
                    products.put(product, e);
                    return e;
                }
                case 4 -> {
                    central = Rational.of(BigInteger.valueOf(r.nextInt(900_000)), BigInteger.valueOf(1 + r.nextInt(3)));
                    unused = Rational.of(BigInteger.valueOf(r.nextInt(900_000) - 100_000), BigInteger.valueOf(1 + r.nextInt(9)));
                    return new InstitutionCostRecalculated(INSTITUTION, "u", CostingMethod.CLASSIC, null, null,
                            amount(central), amount(unused), null, true, null, "cause", 0, LineageRef.institution());
                }
                case 5 -> {
                    String chain = "VC" + chains.size();
                    chains.add(chain);
                    return new ValueChainDefined(INSTITUTION, "u", chain, chain, "R", product);
                }
                case 6 -> {
                    if (chains.isEmpty()) {
                        return next(r);
                    }
                    String chain = chains.get(r.nextInt(chains.size()));
                    String owner = chainProgram.get(chain);
                    if (owner != null && r.nextBoolean()) {
                        chainProgram.remove(chain);
                        return new ChainUnassignedFromProgram(INSTITUTION, "u", owner, chain);
                    }
                    chainProgram.put(chain, program);
                    return new ChainAssignedToProgram(INSTITUTION, "u", program, chain);
                }
                case 7 -> {
                    ActivityKind kind = ActivityKind.values()[r.nextInt(3)];
                    return new ActivityDefined(INSTITUTION, "u", program, "A" + step, "Actividad", kind, product);
                }
                case 8, 9 -> {
                    BigDecimal planned = r.nextInt(6) == 0 ? null : BigDecimal.valueOf(r.nextInt(700), r.nextInt(2));
                    return new PlannedVolumeSet(INSTITUTION, "u", program, product, year, planned);
                }
                case 10, 11 -> {
                    BigDecimal share = BigDecimal.valueOf(r.nextInt(101), 2);
                    return new ProgramShareSet(INSTITUTION, "u", program, product, year, share);
                }
                case 12 -> {
                    return new ProgramShareWithdrawn(INSTITUTION, "u", program, product, year);
                }
                case 13 -> {
                    String line = "L" + r.nextInt(4);
                    BigDecimal amount = BigDecimal.valueOf(r.nextInt(10_000_000), 2);
                    ApnopKind kind = ApnopKind.values()[r.nextInt(ApnopKind.values().length)];
                    if (apnop.containsKey(line) && r.nextInt(3) == 0) {
                        apnop.remove(line);
                        return new ApnopLineRemoved(INSTITUTION, "u", line, "sin efecto");
                    }
                    ApnopLineRecorded recorded = new ApnopLineRecorded(INSTITUTION, "u", line, year, "Línea " + line,
                            kind, amount);
                    boolean corrected = apnop.containsKey(line);
                    apnop.put(line, recorded);
                    return corrected ? new ApnopLineCorrected(INSTITUTION, "u", line, year, "Línea " + line, kind,
                            amount, "corrección") : recorded;
                }
                default -> {
                    if (chains.isEmpty()) {
                        return next(r);
                    }
                    return new ValueChainRetired(INSTITUTION, "u", chains.get(r.nextInt(chains.size())), "fin");
                }
            }
        }

        private static Amount amount(Rational exact) {
            return new Amount(exact.toCents(), exact.toString());
        }
    }
}
