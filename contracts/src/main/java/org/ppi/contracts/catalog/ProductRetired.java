package org.ppi.contracts.catalog;

/** A product is no longer made; it keeps its history. */
public record ProductRetired(String institutionId, String actingUser, String productId, String reason) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
