package org.ppi.costing.rules;

import org.ppi.contracts.money.Rational;

/**
 * One employee's contribution to one product, as the seed's "Costos producción → Por producto" table
 * shows it. {@code unitCost} = labour / product volume, null when the product has a volume gap.
 */
public record LabourRow(String employeeId, Rational hours, Rational share, Rational labour, Rational unitCost) {
}
