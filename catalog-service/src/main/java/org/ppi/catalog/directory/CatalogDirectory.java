package org.ppi.catalog.directory;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a command handler may look up outside its own aggregate: the survey replica (centers) and the catalog's
 * own read model (products, updated in the command's transaction). Every lookup is scoped by institution, so
 * another tenant's records are simply not found.
 */
public interface CatalogDirectory {

    Optional<CenterFacts> center(String institutionId, String centerId);

    Optional<ProductFacts> product(String institutionId, String productId);

    /** The links of the institution's active chains (value-chain replica): intermediate → product it feeds. */
    List<LinkFacts> links(String institutionId);

    /** Every merged product of the institution → the product it was merged into. */
    Map<String, String> mergedInto(String institutionId);

    /**
     * Serializes the institution's merges until the end of the current transaction. The cycle check of a merge
     * reads other products (their merges, in the read model the command's transaction updates), so two merges
     * checked at the same moment (a into b, b into a; or two that close a cycle only together) could both
     * pass. A row lock per institution: several instances share the database, and the rest of the service runs
     * at READ COMMITTED, where a statement after the lock sees what the previous holder committed.
     */
    void lockMerges(String institutionId);

    record LinkFacts(String fromProductId, String toProductId) {
    }

    record CenterFacts(String centerId, boolean closed) {
    }

    record ProductFacts(String productId, boolean active) {
    }
}
