package org.ppi.budget.query;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.ppi.budget.figures.ActivityView;
import org.ppi.budget.figures.ChainView;
import org.ppi.budget.figures.ContributionView;
import org.ppi.budget.figures.ProgramBudgetView;
import org.ppi.budget.figures.SummaryView;
import org.ppi.budget.rules.ProductContribution;

/**
 * The programmatic structure table: each program with its activities and its value chains' terminal
 * products (cost, volumes and what they add to the budget), then the lines that belong to no program —
 * central actions, terminal production no program takes, unused capacity — the reconciled {@code total}, the
 * APNOP lines kept apart, and {@code budgetTotal} (= total + what plans ask beyond current production + APNOP),
 * which is what the rows of the table add up to.
 */
record StructureView(String institutionId, int fiscalYear, Instant asOf, List<ProgramNode> programs,
                     BigDecimal programsTotal, BigDecimal centralActions, List<SummaryView.UnassignedView> unassigned,
                     BigDecimal unassignedTerminals, BigDecimal unusedCapacity, BigDecimal total, boolean reconciles,
                     BigDecimal plannedBeyond, List<SummaryView.ApnopView> apnop, BigDecimal apnopTotal,
                     BigDecimal budgetTotal) {

    record ProgramNode(String programId, String code, String name, BigDecimal budget, List<ActivityView> activities,
                       List<ProductNode> products) {
    }

    /** A terminal product of the program and the chains through which the program delivers it. */
    record ProductNode(String productId, List<ChainView> chains, BigDecimal fullCost, BigDecimal volume,
                       BigDecimal plannedVolume, ProductContribution.Basis basis, boolean volumeGap, BigDecimal budget) {
    }

    static StructureView of(BudgetSnapshot snapshot) {
        SummaryView summary = snapshot.summary();
        List<ProgramBudgetView> sorted = new ArrayList<>(snapshot.programs());
        sorted.sort(Comparator.comparing(ProgramBudgetView::code, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(ProgramBudgetView::programId));
        List<ProgramNode> programs = new ArrayList<>();
        for (ProgramBudgetView program : sorted) {
            Map<String, ChainView> chains = new TreeMap<>();
            program.chains().forEach(c -> chains.put(c.chainId(), c));
            List<ProductNode> products = new ArrayList<>();
            for (ContributionView c : program.contributions()) {
                List<ChainView> through = c.chainIds().stream().map(chains::get).filter(Objects::nonNull).toList();
                products.add(new ProductNode(c.productId(), through, c.fullCost(), c.volume(), c.plannedVolume(), c.basis(),
                        c.volumeGap(), c.amount()));
            }
            programs.add(new ProgramNode(program.programId(), program.code(), program.name(), program.budget(),
                    program.activities(), products));
        }
        return new StructureView(summary.institutionId(), snapshot.fiscalYear(), snapshot.asOf(), programs,
                summary.programsTotal(), summary.centralActions(), summary.unassigned(), summary.unassignedTerminals(),
                summary.unusedCapacity(), summary.total(), summary.reconciles(), summary.plannedBeyond(),
                summary.apnop(), summary.apnopTotal(), summary.budgetTotal());
    }
}
