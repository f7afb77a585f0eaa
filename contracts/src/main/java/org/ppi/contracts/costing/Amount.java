package org.ppi.contracts.costing;

import java.math.BigDecimal;

/**
 * A money figure as published: {@code value} rounded half-up to cents once, for display; {@code exact} the
 * unrounded value as a fraction ("numerator/denominator", or an integer), so sums downstream stay exact.
 */
public record Amount(BigDecimal value, String exact) {
}
