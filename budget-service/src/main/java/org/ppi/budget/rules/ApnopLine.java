package org.ppi.budget.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * An APNOP line (asignación presupuestaria que no resulta en productos: transfers, pensions, debt): part of
 * the budget's grand total, never of the reconciliation with the cost of production.
 */
public record ApnopLine(String lineId, String name, String kind, Rational amount) {
    public ApnopLine {
        Objects.requireNonNull(lineId, "lineId");
        Objects.requireNonNull(amount, "amount");
    }
}
