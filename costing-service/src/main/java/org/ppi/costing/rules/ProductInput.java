package org.ppi.costing.rules;

import java.util.Objects;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.money.Rational;

/** An active product. {@code volume} null = not recorded yet: a data gap, never an error. */
public record ProductInput(String productId, String centerId, ProductType type, boolean core, Rational volume) {
    public ProductInput {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(type, "type");
    }
}
