package org.ppi.contracts.catalog;

/** A product changed type or CORE flag (only terminal products can be CORE). */
public record ProductRetyped(String institutionId, String actingUser, String productId, ProductType type, boolean core) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
