package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The budget of a fiscal year line by line. Reconciled lines — programs (their parts of the measured cost),
 * central actions (acciones centrales: intermediate cost attributed to no terminal product, and the terminal
 * products central activities produce), terminal production no program takes, unused capacity — add up to
 * {@code total}, which must equal costing's total cost exactly ({@code reconciles}; {@code difference} otherwise,
 * e.g. while costing's figures are still arriving). Apart from it: {@code plannedBeyond} (what planned volumes
 * ask beyond current production: Σ program budgets = programsTotal + plannedBeyond) and the APNOP lines
 * ({@code apnop}, {@code apnopTotal}: allocations that result in no product); {@code budgetTotal} = total +
 * plannedBeyond + apnopTotal. {@code roundingResidue} is what rounding each reconciled line to cents leaves.
 */
public record SummaryView(String institutionId, int fiscalYear, boolean defaultYear, List<Line> lines,
                          BigDecimal programsTotal, BigDecimal centralActions, BigDecimal unassignedTerminals,
                          BigDecimal unusedCapacity, BigDecimal total, String totalExact, BigDecimal costBase,
                          BigDecimal costingTotalCost, String costingTotalCostExact, boolean reconciles,
                          BigDecimal difference, BigDecimal roundingResidue, boolean plannedVolumesApplied,
                          BigDecimal plannedBeyond, BigDecimal apnopTotal, BigDecimal budgetTotal,
                          String budgetTotalExact, int programs, List<UnassignedView> unassigned,
                          List<CentralProductView> centralProducts, List<ApnopView> apnop, String causationEventId,
                          Instant effectiveAt, boolean provisional) {

    public static final String PROGRAMS = "PROGRAMS";
    public static final String CENTRAL_ACTIONS = "CENTRAL_ACTIONS";
    public static final String UNASSIGNED_TERMINALS = "UNASSIGNED_TERMINALS";
    public static final String UNUSED_CAPACITY = "UNUSED_CAPACITY";
    public static final String TOTAL = "TOTAL";
    public static final String PLANNED_BEYOND = "PLANNED_BEYOND";
    public static final String APNOP = "APNOP";
    public static final String BUDGET_TOTAL = "BUDGET_TOTAL";

    /** One budget line; {@code label} is filled in the caller's language when answering. */
    public record Line(String line, String label, BigDecimal amount, String exact) {
        public Line labelled(String text) {
            return new Line(line, text, amount, exact);
        }
    }

    /**
     * Terminal production no program takes: {@code amount} is the part of the product's {@code fullCost} left
     * to no program (all of it when no program delivers the product).
     */
    public record UnassignedView(String productId, BigDecimal fullCost, BigDecimal volume, BigDecimal amount) {
    }

    /** A terminal product a central activity produces: its cost is in central actions. */
    public record CentralProductView(String productId, BigDecimal fullCost) {
    }

    /** An APNOP line of the year (recorded in value-chain): never costed as production. */
    public record ApnopView(String lineId, String name, String kind, BigDecimal amount) {
    }

    public SummaryView withCause(String causationEventId, Instant effectiveAt) {
        return new SummaryView(institutionId, fiscalYear, defaultYear, lines, programsTotal, centralActions,
                unassignedTerminals, unusedCapacity, total, totalExact, costBase, costingTotalCost,
                costingTotalCostExact, reconciles, difference, roundingResidue, plannedVolumesApplied, plannedBeyond,
                apnopTotal, budgetTotal, budgetTotalExact, programs, unassigned, centralProducts, apnop,
                causationEventId, effectiveAt, provisional);
    }

    public SummaryView withLines(List<Line> labelled) {
        return new SummaryView(institutionId, fiscalYear, defaultYear, labelled, programsTotal, centralActions,
                unassignedTerminals, unusedCapacity, total, totalExact, costBase, costingTotalCost,
                costingTotalCostExact, reconciles, difference, roundingResidue, plannedVolumesApplied, plannedBeyond,
                apnopTotal, budgetTotal, budgetTotalExact, programs, unassigned, centralProducts, apnop,
                causationEventId, effectiveAt, provisional);
    }
}
