package org.ppi.valuechain.directory;

import java.util.List;
import java.util.Optional;

import org.ppi.contracts.catalog.ProductType;

/**
 * What a command handler may look up outside its own aggregate: the service's read models (kept in the
 * command's transaction by the subscribing "directory" processor) and the catalog replica. Everything is
 * scoped by institution, so another tenant's records are simply not found.
 */
public interface ValueChainDirectory {

    boolean impactExists(String institutionId, String impactId);

    boolean resultExists(String institutionId, String resultId);

    Optional<ProductFacts> product(String institutionId, String productId);

    Optional<ChainFacts> chain(String institutionId, String chainId);

    /** The active (not retired) chain that ends in this terminal product, if any. */
    Optional<String> activeChainWithTerminal(String institutionId, String terminalProductId);

    /** Every link (intermediate → product it feeds) of the institution's active chains. */
    List<LinkEdge> links(String institutionId);

    Optional<String> programWithCode(String institutionId, String code);

    Optional<String> programOfChain(String institutionId, String chainId);

    /**
     * Whether the program delivers the terminal product: through one of its active chains ending in it, or
     * through one of its common activities producing it.
     */
    boolean programDelivers(String institutionId, String programId, String productId);

    record ProductFacts(String productId, ProductType type, boolean active) {
    }

    record ChainFacts(String chainId, String terminalProductId, boolean retired) {
    }

    record LinkEdge(String fromProductId, String toProductId) {
    }
}
