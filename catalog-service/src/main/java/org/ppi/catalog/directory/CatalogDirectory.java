package org.ppi.catalog.directory;

import java.util.Optional;

/**
 * What a command handler may look up outside its own aggregate: the survey replica (centers) and the catalog's
 * own read model (products, updated in the command's transaction). Every lookup is scoped by institution, so
 * another tenant's records are simply not found.
 */
public interface CatalogDirectory {

    Optional<CenterFacts> center(String institutionId, String centerId);

    Optional<ProductFacts> product(String institutionId, String productId);

    record CenterFacts(String centerId, boolean closed) {
    }

    record ProductFacts(String productId, boolean active) {
    }
}
