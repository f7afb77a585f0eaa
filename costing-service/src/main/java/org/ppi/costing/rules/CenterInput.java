package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;
import org.ppi.contracts.survey.CenterArea;

/**
 * A production center. {@code nonLabour} is the yearly goods, services and depreciation; an unrecorded
 * figure is ZERO (DOMAIN.md), so a null is normalised instead of making every rule check for it.
 */
public record CenterInput(String centerId, CenterArea area, Rational nonLabour) {
    public CenterInput {
        Objects.requireNonNull(centerId, "centerId");
        nonLabour = nonLabour == null ? Rational.ZERO : nonLabour;
    }
}
