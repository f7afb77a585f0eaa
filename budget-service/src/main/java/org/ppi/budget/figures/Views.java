package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ppi.budget.rules.BudgetResult;
import org.ppi.budget.rules.ProductContribution;
import org.ppi.budget.rules.ProgramBudget;
import org.ppi.budget.state.BudgetState;
import org.ppi.budget.state.Facts;
import org.ppi.contracts.money.Money;
import org.ppi.contracts.money.Rational;

/** Turns the rules' exact results into what a person reads: names, chains, rounded amounts, flags. */
public final class Views {
    private Views() {
    }

    public static ProgramBudgetView program(BudgetState state, ProgramBudget budget, int fiscalYear) {
        Facts.Program program = state.programs().get(budget.programId());
        Map<String, List<String>> chainsByProduct = new TreeMap<>();
        List<ChainView> chains = new ArrayList<>();
        for (String chainId : program.chainIds) {
            Facts.Chain chain = state.chain(chainId);
            chains.add(new ChainView(chainId, chain == null ? null : chain.name,
                    chain == null ? null : chain.terminalProductId, chain != null && chain.retired));
            if (chain != null && !chain.retired && chain.terminalProductId != null) {
                chainsByProduct.computeIfAbsent(chain.terminalProductId, k -> new ArrayList<>()).add(chainId);
            }
        }
        List<ContributionView> contributions = new ArrayList<>();
        for (ProductContribution c : budget.contributions().values()) {
            contributions.add(new ContributionView(c.productId(), chainsByProduct.getOrDefault(c.productId(), List.of()),
                    Money.cents(c.fullCost()), Money.plain(c.volume()), Money.plain(c.plannedVolume()), c.sharedBy(),
                    c.basis(), c.volumeGap(), c.missingCost(), c.basis() == ProductContribution.Basis.CENTRAL,
                    Money.exact(c.share()), Money.cents(c.costShare()), Money.cents(c.plannedBeyond()),
                    Money.cents(c.amount()), Money.exact(c.amount())));
        }
        List<ActivityView> activities = new ArrayList<>();
        program.activities.values().forEach(a -> activities.add(new ActivityView(a.id, a.name, a.kind, a.productId)));
        return new ProgramBudgetView(budget.programId(), budget.code(), budget.name(), program.expectedResult, fiscalYear,
                Money.cents(budget.budget()), Money.exact(budget.budget()), Money.cents(budget.costShare()),
                Money.cents(budget.plannedBeyond()), budget.scaledByPlannedVolume(), List.copyOf(budget.volumeGaps()),
                List.copyOf(budget.missingCosts()), List.copyOf(budget.centralProducts()), contributions, chains,
                activities, null, null, state.institutionCost() != null && state.institutionCost().provisional);
    }

    public static SummaryView summary(BudgetState state, BudgetResult result, boolean defaultYear) {
        Facts.InstitutionCost cost = state.institutionCost();
        Rational costingTotal = cost == null ? null : cost.totalCost;
        boolean reconciles = costingTotal != null && result.total().equals(costingTotal);
        BigDecimal difference = costingTotal == null ? null : result.total().minus(costingTotal).toCents();
        List<SummaryView.Line> lines = List.of(
                line(SummaryView.PROGRAMS, result.programsTotal()),
                line(SummaryView.CENTRAL_ACTIONS, result.centralActions()),
                line(SummaryView.UNASSIGNED_TERMINALS, result.unassignedTerminals()),
                line(SummaryView.UNUSED_CAPACITY, result.unusedCapacity()),
                line(SummaryView.TOTAL, result.total()),
                line(SummaryView.PLANNED_BEYOND, result.plannedBeyond()),
                line(SummaryView.APNOP, result.apnopTotal()),
                line(SummaryView.BUDGET_TOTAL, result.budgetTotal()));
        List<SummaryView.UnassignedView> unassigned = new ArrayList<>();
        result.unassignedByProduct().forEach((productId, amount) -> {
            Facts.ProductCost product = state.product(productId);
            unassigned.add(new SummaryView.UnassignedView(productId,
                    product == null ? null : Money.cents(product.fullCost),
                    product == null ? null : Money.plain(product.volume), Money.cents(amount)));
        });
        List<SummaryView.CentralProductView> central = new ArrayList<>();
        result.centralProducts().forEach((productId, amount) ->
                central.add(new SummaryView.CentralProductView(productId, Money.cents(amount))));
        List<SummaryView.ApnopView> apnop = new ArrayList<>();
        result.apnop().values().forEach(l ->
                apnop.add(new SummaryView.ApnopView(l.lineId(), l.name(), l.kind(), Money.cents(l.amount()))));
        boolean planned = result.programs().values().stream().anyMatch(ProgramBudget::scaledByPlannedVolume);
        return new SummaryView(state.institutionId(), result.fiscalYear(), defaultYear, lines,
                Money.cents(result.programsTotal()), Money.cents(result.centralActions()),
                Money.cents(result.unassignedTerminals()), Money.cents(result.unusedCapacity()),
                Money.cents(result.total()), Money.exact(result.total()), Money.cents(result.costBase()),
                Money.cents(costingTotal), Money.exact(costingTotal), reconciles, difference, result.roundingResidue(),
                planned, Money.cents(result.plannedBeyond()), Money.cents(result.apnopTotal()),
                Money.cents(result.budgetTotal()), Money.exact(result.budgetTotal()), result.programs().size(),
                unassigned, central, apnop, null, null, cost != null && cost.provisional);
    }

    private static SummaryView.Line line(String key, Rational amount) {
        return new SummaryView.Line(key, null, Money.cents(amount), Money.exact(amount));
    }
}
