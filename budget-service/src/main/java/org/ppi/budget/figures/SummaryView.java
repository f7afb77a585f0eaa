package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The budget of a fiscal year line by line — programs, central actions (acciones centrales: intermediate cost
 * attributed to no terminal product), terminal products not yet in a program, unused capacity — against the
 * total cost costing published. {@code reconciles} is exact: with no planned volume, the lines must add up
 * to the institution's cost; planned volumes are a forecast, so then they may not ({@code difference}).
 * {@code roundingResidue} is what rounding each line to cents leaves, shown rather than hidden.
 */
public record SummaryView(String institutionId, int fiscalYear, boolean defaultYear, List<Line> lines,
                          BigDecimal programsTotal, BigDecimal centralActions, BigDecimal unassignedTerminals,
                          BigDecimal unusedCapacity, BigDecimal total, String totalExact, BigDecimal costBase,
                          BigDecimal costingTotalCost, String costingTotalCostExact, boolean reconciles,
                          BigDecimal difference, BigDecimal roundingResidue, boolean plannedVolumesApplied,
                          int programs, List<UnassignedView> unassigned, String causationEventId,
                          Instant effectiveAt) {

    public static final String PROGRAMS = "PROGRAMS";
    public static final String CENTRAL_ACTIONS = "CENTRAL_ACTIONS";
    public static final String UNASSIGNED_TERMINALS = "UNASSIGNED_TERMINALS";
    public static final String UNUSED_CAPACITY = "UNUSED_CAPACITY";
    public static final String TOTAL = "TOTAL";

    /** One budget line; {@code label} is filled in the caller's language when answering. */
    public record Line(String line, String label, BigDecimal amount, String exact) {
        public Line labelled(String text) {
            return new Line(line, text, amount, exact);
        }
    }

    /** A terminal product no program lists yet: it keeps its own line at full cost. */
    public record UnassignedView(String productId, BigDecimal fullCost, BigDecimal volume) {
    }

    public SummaryView withCause(String causationEventId, Instant effectiveAt) {
        return new SummaryView(institutionId, fiscalYear, defaultYear, lines, programsTotal, centralActions,
                unassignedTerminals, unusedCapacity, total, totalExact, costBase, costingTotalCost,
                costingTotalCostExact, reconciles, difference, roundingResidue, plannedVolumesApplied, programs,
                unassigned, causationEventId, effectiveAt);
    }

    public SummaryView withLines(List<Line> labelled) {
        return new SummaryView(institutionId, fiscalYear, defaultYear, labelled, programsTotal, centralActions,
                unassignedTerminals, unusedCapacity, total, totalExact, costBase, costingTotalCost,
                costingTotalCostExact, reconciles, difference, roundingResidue, plannedVolumesApplied, programs,
                unassigned, causationEventId, effectiveAt);
    }
}
