package org.ppi.budget.figures;

import java.math.BigDecimal;
import java.util.List;

import org.ppi.budget.rules.ProductContribution;

/**
 * What one terminal product adds to a program, and on which basis: its full cost, the volume costing measured,
 * the volume the program plans, and the resulting amount. {@code volumeGap}: a planned volume could not be
 * applied because the measured volume is unknown or zero, so the product counts at full cost.
 */
public record ContributionView(String productId, List<String> chainIds, BigDecimal fullCost, BigDecimal volume,
                               BigDecimal plannedVolume, int sharedBy, ProductContribution.Basis basis,
                               boolean volumeGap, boolean missingCost, BigDecimal amount, String amountExact) {
}
