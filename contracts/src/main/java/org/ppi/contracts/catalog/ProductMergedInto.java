package org.ppi.contracts.catalog;

/** Two products were one: this one is merged into the target; its allocations and links follow. */
public record ProductMergedInto(String institutionId, String actingUser, String productId, String targetProductId) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
