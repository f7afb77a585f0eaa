package org.ppi.budget.state;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.ppi.budget.rules.ApnopLine;
import org.ppi.budget.rules.BudgetInput;
import org.ppi.budget.rules.ProgramInput;
import org.ppi.budget.rules.TerminalCost;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.costing.Amount;
import org.ppi.contracts.costing.InstitutionCostRecalculated;
import org.ppi.contracts.costing.LineageRef;
import org.ppi.contracts.costing.ProductCostRecalculated;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ApnopLineCorrected;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ApnopLineRemoved;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.contracts.valuechain.ProgramShareWithdrawn;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.inbox.EventEnvelope;

/**
 * The budget's replica of one institution, folded from the costing and value-chain topics (and, from the survey
 * topic, the institution's fiscal year).
 *
 * <p>Order-independent across aggregates: every fact is keyed by its own aggregate (a product's cost, a chain,
 * a program) and references between aggregates (program → chain → terminal product) are resolved only when
 * the rules' input is built, so a program may arrive before its chains, or a chain before its product's cost.
 * Within one aggregate the last event applied wins: costing publishes complete snapshots of a figure, in
 * order on the figure's key, and that order (not the recording time of the cause) is what the live
 * projection, a replay and an as-of fold all follow.
 */
public final class BudgetState {
    private final String institutionId;
    private final Map<String, Facts.ProductCost> products = new TreeMap<>();
    private Facts.InstitutionCost institutionCost;
    private final Map<String, Facts.Chain> chains = new TreeMap<>();
    private final Map<String, Facts.Program> programs = new TreeMap<>();
    /** fiscal year → product → program → recorded share. */
    private final Map<Integer, Map<String, Map<String, Facts.Share>>> shares = new TreeMap<>();
    private final Map<String, Facts.Apnop> apnop = new TreeMap<>();
    /** The institution's own fiscal year (its setting, from the survey topic); null until it is known. */
    private Integer institutionYear;
    private final List<String> institutionEvents = new ArrayList<>();
    /** The latest calendar year (UTC) in which a folded event was recorded: a deterministic last resort. */
    private int recordedYear;

    public BudgetState(String institutionId) {
        this.institutionId = institutionId;
    }

    /** Folds one event; false when the event carries nothing the budget depends on. */
    public boolean apply(EventEnvelope event) {
        boolean applied = fold(event);
        if (applied && event.recordedAt() != null) {
            recordedYear = Math.max(recordedYear, event.recordedAt().atZone(ZoneOffset.UTC).getYear());
        }
        return applied;
    }

    private boolean fold(EventEnvelope event) {
        Object p = event.payload();
        String id = event.id();
        if (p instanceof InstitutionRegistered e) {
            institutionYear = e.fiscalYear();
            institutionEvents.add(id);
        } else if (p instanceof InstitutionDetailsRevised e) {
            institutionYear = e.fiscalYear();
            institutionEvents.add(id);
        } else if (p instanceof ProductCostRecalculated e) {
            Facts.ProductCost cost = products.computeIfAbsent(e.productId(), Facts.ProductCost::new);
            cost.type = e.type();
            cost.active = e.active();
            cost.fullCost = exact(e.fullCost());
            cost.volume = e.volume() == null ? null : Rational.of(e.volume());
            cost.eventId = id;
            cost.causationEventId = e.causationEventId();
            cost.lineageRef = e.lineageRef() != null ? e.lineageRef() : LineageRef.product(e.productId());
        } else if (p instanceof InstitutionCostRecalculated e) {
            Facts.InstitutionCost cost = new Facts.InstitutionCost();
            cost.totalCost = exact(e.totalCost());
            cost.centralActions = exact(e.unattributedIntermediateCost());
            cost.unusedCapacity = exact(e.unusedCost());
            cost.provisional = Boolean.TRUE.equals(e.provisional());
            cost.eventId = id;
            cost.causationEventId = e.causationEventId();
            cost.lineageRef = e.lineageRef() != null ? e.lineageRef() : LineageRef.institution();
            institutionCost = cost;
        } else if (p instanceof ValueChainDefined e) {
            Facts.Chain chain = chainFor(e.chainId());
            chain.name = e.name();
            chain.terminalProductId = e.terminalProductId();
            chain.trace(id);
        } else if (p instanceof ValueChainRetired e) {
            Facts.Chain chain = chainFor(e.chainId());
            chain.retired = true;
            chain.trace(id);
        } else if (p instanceof ProgramDefined e) {
            describe(program(e.programId()), e.code(), e.name(), e.expectedResult(), id);
        } else if (p instanceof ProgramRevised e) {
            describe(program(e.programId()), e.code(), e.name(), e.expectedResult(), id);
        } else if (p instanceof ActivityDefined e) {
            Facts.Program program = program(e.programId());
            Facts.Activity activity = program.activities.computeIfAbsent(e.activityId(), Facts.Activity::new);
            activity.name = e.name();
            activity.kind = e.kind();
            activity.productId = e.productId();
            program.trace(id);
        } else if (p instanceof ChainAssignedToProgram e) {
            Facts.Program program = program(e.programId());
            program.chainIds.add(e.chainId());
            program.trace(id);
        } else if (p instanceof ChainUnassignedFromProgram e) {
            Facts.Program program = program(e.programId());
            program.chainIds.remove(e.chainId());
            program.trace(id);
        } else if (p instanceof PlannedVolumeSet e) {
            Facts.Planned plan = program(e.programId()).planned
                    .computeIfAbsent(e.fiscalYear(), y -> new TreeMap<>())
                    .computeIfAbsent(e.productId(), k -> new Facts.Planned());
            plan.volume = e.plannedVolume() == null ? null : Rational.of(e.plannedVolume());
            plan.eventId = id;
        } else if (p instanceof ProgramShareSet e) {
            Facts.Share share = shares.computeIfAbsent(e.fiscalYear(), y -> new TreeMap<>())
                    .computeIfAbsent(e.productId(), k -> new TreeMap<>())
                    .computeIfAbsent(e.programId(), k -> new Facts.Share());
            share.value = e.share() == null ? null : Rational.of(e.share());
            share.eventId = id;
        } else if (p instanceof ProgramShareWithdrawn e) {
            Map<String, Facts.Share> byProgram = shares.getOrDefault(e.fiscalYear(), Map.of()).get(e.productId());
            if (byProgram == null || byProgram.remove(e.programId()) == null) {
                return false;
            }
        } else if (p instanceof ApnopLineRecorded e) {
            apnopLine(e.lineId(), e.fiscalYear(), e.name(), e.kind() == null ? null : e.kind().name(), e.amount(), id);
            apnop.get(e.lineId()).removed = false;
        } else if (p instanceof ApnopLineCorrected e) {
            apnopLine(e.lineId(), e.fiscalYear(), e.name(), e.kind() == null ? null : e.kind().name(), e.amount(), id);
        } else if (p instanceof ApnopLineRemoved e) {
            Facts.Apnop line = apnop.computeIfAbsent(e.lineId(), Facts.Apnop::new);
            line.removed = true;
            line.trace(id);
        } else {
            return false;
        }
        return true;
    }

    private void apnopLine(String lineId, int fiscalYear, String name, String kind, java.math.BigDecimal amount,
                           String eventId) {
        Facts.Apnop line = apnop.computeIfAbsent(lineId, Facts.Apnop::new);
        line.fiscalYear = fiscalYear;
        line.name = name;
        line.kind = kind;
        line.amount = amount == null ? Rational.ZERO : Rational.of(amount);
        line.trace(eventId);
    }

    private static void describe(Facts.Program program, String code, String name, String expectedResult, String eventId) {
        program.defined = true;
        program.code = code;
        program.name = name;
        program.expectedResult = expectedResult;
        program.trace(eventId);
    }

    /** A published amount, exactly: the fraction in {@code exact}, else the rounded value, else unknown (null). */
    static Rational exact(Amount amount) {
        if (amount == null) {
            return null;
        }
        if (amount.exact() != null && !amount.exact().isBlank()) {
            return Rational.parse(amount.exact());
        }
        return amount.value() == null ? null : Rational.of(amount.value());
    }

    /** Years with at least one planned volume (a withdrawn or negative plan does not count). */
    public SortedSet<Integer> plannedYears() {
        SortedSet<Integer> years = new TreeSet<>();
        for (Facts.Program program : programs.values()) {
            program.planned.forEach((year, plans) -> {
                if (plans.values().stream().anyMatch(BudgetState::usable)) {
                    years.add(year);
                }
            });
        }
        return years;
    }

    /**
     * The year a budget is shown for when none is asked: the institution's current fiscal year (its own setting,
     * never the server's clock, so a replay or an as-of answer does not depend on the day it runs); before that
     * setting has arrived, the latest planned year, else the year the latest folded event was recorded.
     */
    public int defaultYear() {
        if (institutionYear != null) {
            return institutionYear;
        }
        SortedSet<Integer> years = plannedYears();
        return years.isEmpty() ? recordedYear : years.last();
    }

    /** The years whose budget the projection keeps: every planned year and the default one, side by side. */
    public SortedSet<Integer> fiscalYears() {
        SortedSet<Integer> years = new TreeSet<>(plannedYears());
        shares.forEach((year, byProduct) -> {
            if (byProduct.values().stream().anyMatch(m -> !m.isEmpty())) {
                years.add(year);
            }
        });
        apnop.values().stream().filter(l -> !l.removed).forEach(l -> years.add(l.fiscalYear));
        years.add(defaultYear());
        return years;
    }

    private static boolean usable(Facts.Planned plan) {
        return plan.volume != null && plan.volume.signum() >= 0;
    }

    /** The rules' input for a fiscal year: active terminal costs, defined programs with their chains' products. */
    public BudgetInput toInput(int fiscalYear) {
        Map<String, TerminalCost> terminals = new HashMap<>();
        products.values().stream().filter(Facts.ProductCost::terminal)
                .forEach(c -> terminals.put(c.productId, new TerminalCost(c.fullCost, c.volume)));
        Map<String, ProgramInput> inputs = new HashMap<>();
        for (Facts.Program program : programs.values()) {
            if (!program.defined) {
                continue;
            }
            Map<String, Rational> planned = new HashMap<>();
            program.planned.getOrDefault(fiscalYear, Map.of()).forEach((productId, plan) -> {
                if (usable(plan)) {
                    planned.put(productId, plan.volume);
                }
            });
            inputs.put(program.id, new ProgramInput(program.code, program.name, terminalProductsOf(program), planned));
        }
        Map<String, Map<String, Rational>> recorded = new HashMap<>();
        shares.getOrDefault(fiscalYear, Map.of()).forEach((productId, byProgram) -> {
            Map<String, Rational> values = new HashMap<>();
            byProgram.forEach((programId, share) -> {
                if (share.value != null) {
                    values.put(programId, share.value);
                }
            });
            recorded.put(productId, values);
        });
        Map<String, ApnopLine> lines = new HashMap<>();
        apnopLines(fiscalYear).forEach(l -> lines.put(l.id, new ApnopLine(l.id, l.name, l.kind, l.amount)));
        Facts.InstitutionCost cost = institutionCost;
        return new BudgetInput(fiscalYear, terminals, inputs, cost == null ? null : cost.centralActions,
                cost == null ? null : cost.unusedCapacity, recorded, centralProducts(), lines);
    }

    /** The year's APNOP lines that were not removed. */
    public List<Facts.Apnop> apnopLines(int fiscalYear) {
        return apnop.values().stream().filter(l -> !l.removed && l.fiscalYear == fiscalYear).toList();
    }

    /**
     * The terminal products the program delivers: those of its chains that are known and not retired, and those
     * its common activities produce (an activity common to several programs: each of them delivers the product).
     * A specific activity names the product of the program's own chain and adds nothing.
     */
    public Set<String> terminalProductsOf(Facts.Program program) {
        Set<String> ids = new TreeSet<>();
        for (String chainId : program.chainIds) {
            Facts.Chain chain = chains.get(chainId);
            if (chain != null && !chain.retired && chain.terminalProductId != null) {
                ids.add(chain.terminalProductId);
            }
        }
        for (Facts.Activity activity : program.activities.values()) {
            if (activity.kind == ActivityKind.COMMON && terminalType(activity.productId)) {
                ids.add(activity.productId);
            }
        }
        return ids;
    }

    /**
     * Terminal products a central activity produces (in any program): their cost is central actions. A central
     * activity's intermediate product needs nothing here: costing already puts it in central actions when it feeds
     * no terminal product, or in the full cost of those it feeds (moving it again would count it twice).
     */
    public Set<String> centralProducts() {
        Set<String> ids = new TreeSet<>();
        for (Facts.Program program : programs.values()) {
            for (Facts.Activity activity : program.activities.values()) {
                if (activity.kind == ActivityKind.CENTRAL && terminalType(activity.productId)) {
                    ids.add(activity.productId);
                }
            }
        }
        return ids;
    }

    private boolean terminalType(String productId) {
        Facts.ProductCost cost = productId == null ? null : products.get(productId);
        return cost != null && cost.type == ProductType.TERMINAL;
    }

    /**
     * The program's own events, its chains', its plans for the year and the costs of its products, each cost also
     * named as the costing figure it is (whose own lineage leads to the interviews).
     */
    public BudgetLineage programLineage(String programId, int fiscalYear) {
        Facts.Program program = programs.get(programId);
        if (program == null) {
            return BudgetLineage.empty();
        }
        Set<String> events = new LinkedHashSet<>(program.events);
        for (String chainId : program.chainIds) {
            Facts.Chain chain = chains.get(chainId);
            if (chain != null) {
                events.addAll(chain.events);
            }
        }
        program.planned.getOrDefault(fiscalYear, Map.of()).values().forEach(plan -> events.add(plan.eventId));
        List<BudgetLineage.CostingFigure> costing = new ArrayList<>();
        for (String productId : terminalProductsOf(program)) {
            shares.getOrDefault(fiscalYear, Map.of()).getOrDefault(productId, Map.of()).values()
                    .forEach(share -> events.add(share.eventId));
            Facts.ProductCost cost = products.get(productId);
            if (cost != null) {
                events.add(cost.eventId);
                costing.add(new BudgetLineage.CostingFigure("PRODUCT", productId, cost.eventId, cost.causationEventId,
                        cost.lineageRef));
            }
        }
        return new BudgetLineage(new ArrayList<>(events), costing);
    }

    /**
     * The institution's lines: the reconciliation costing published, every terminal cost and the programmatic
     * structure. The costing figure named is the reconciliation itself: the programs' lineage names their products'
     * figures, and repeating all of them on every summary line would not scale.
     */
    public BudgetLineage summaryLineage(int fiscalYear) {
        // the institution's settings say which year is the default one
        Set<String> events = new LinkedHashSet<>(institutionEvents);
        List<BudgetLineage.CostingFigure> costing = new ArrayList<>();
        if (institutionCost != null) {
            events.add(institutionCost.eventId);
            costing.add(new BudgetLineage.CostingFigure("INSTITUTION", institutionId, institutionCost.eventId,
                    institutionCost.causationEventId, institutionCost.lineageRef));
        }
        products.values().stream().filter(Facts.ProductCost::terminal).forEach(c -> events.add(c.eventId));
        for (Facts.Program program : programs.values()) {
            events.addAll(program.events);
            program.planned.getOrDefault(fiscalYear, Map.of()).values().forEach(plan -> events.add(plan.eventId));
        }
        chains.values().forEach(c -> events.addAll(c.events));
        shares.getOrDefault(fiscalYear, Map.of()).values()
                .forEach(byProgram -> byProgram.values().forEach(share -> events.add(share.eventId)));
        apnop.values().stream().filter(l -> l.fiscalYear == fiscalYear).forEach(l -> events.addAll(l.events));
        return new BudgetLineage(new ArrayList<>(events), costing);
    }

    /** Nothing budget-relevant was ever received for this institution. */
    public boolean isEmpty() {
        return products.isEmpty() && institutionCost == null && chains.isEmpty() && programs.isEmpty()
                && shares.isEmpty() && apnop.isEmpty();
    }

    public String institutionId() {
        return institutionId;
    }

    public Facts.ProductCost product(String productId) {
        return products.get(productId);
    }

    public Facts.InstitutionCost institutionCost() {
        return institutionCost;
    }

    public Facts.Chain chain(String chainId) {
        return chains.get(chainId);
    }

    public Map<String, Facts.Chain> chains() {
        return Collections.unmodifiableMap(chains);
    }

    public Map<String, Facts.Program> programs() {
        return Collections.unmodifiableMap(programs);
    }

    private Facts.Chain chainFor(String chainId) {
        return chains.computeIfAbsent(chainId, Facts.Chain::new);
    }

    private Facts.Program program(String programId) {
        return programs.computeIfAbsent(programId, Facts.Program::new);
    }
}
