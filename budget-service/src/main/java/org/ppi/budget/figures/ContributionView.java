package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.util.List;

import org.ppi.budget.rules.ProductContribution;

/**
 * What one terminal product adds to a program, and on which basis: its full cost, the volume costing measured,
 * the volume the program plans, its share of the measured cost ({@code shareExact}, a fraction; {@code costShare}
 * the amount, inside the reconciliation), what its plan asks beyond current production ({@code plannedBeyond},
 * outside it) and the resulting amount (their sum). {@code volumeGap}: a planned volume could not be applied
 * because the measured volume is unknown or zero; {@code central}: a central activity produces the product.
 */
public record ContributionView(String productId, List<String> chainIds, BigDecimal fullCost, BigDecimal volume,
                               BigDecimal plannedVolume, int sharedBy, ProductContribution.Basis basis,
                               boolean volumeGap, boolean missingCost, boolean central, String shareExact,
                               BigDecimal costShare, BigDecimal plannedBeyond, BigDecimal amount, String amountExact) {
}
