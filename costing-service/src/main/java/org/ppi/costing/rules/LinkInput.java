package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.money.Rational;

/**
 * An intermediate product feeds a consumer (terminal or intermediate). A null weight is DOMAIN.md's
 * default of 1 (equal shares). Which links actually carry cost is decided by {@link LinkGraph}.
 */
public record LinkInput(String supplierProductId, String consumerProductId, Rational weight) {
    public LinkInput {
        Objects.requireNonNull(supplierProductId, "supplierProductId");
        Objects.requireNonNull(consumerProductId, "consumerProductId");
        weight = weight == null ? Rational.ONE : weight;
    }
}
