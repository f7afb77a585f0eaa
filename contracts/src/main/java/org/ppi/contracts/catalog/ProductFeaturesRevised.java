package org.ppi.contracts.catalog;

/** A product's productive features were revised. */
public record ProductFeaturesRevised(String institutionId, String actingUser, String productId, ProductFeatures features) implements org.ppi.contracts.PpiEvent {
    @Override
    public String aggregateId() {
        return productId;
    }
}
