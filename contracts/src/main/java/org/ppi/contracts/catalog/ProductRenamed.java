package org.ppi.contracts.catalog;

/** A product was renamed. */
public record ProductRenamed(String institutionId, String actingUser, String productId, String name) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
