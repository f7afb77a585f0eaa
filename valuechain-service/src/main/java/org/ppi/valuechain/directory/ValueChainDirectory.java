package org.ppi.valuechain.directory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** The same links with their chain and when they were recorded (to choose which one a repair cuts). */
    List<RecordedLink> recordedLinks(String institutionId);

    /** Every merged product of the institution (catalog replica) → the product it was merged into. */
    Map<String, String> mergedInto(String institutionId);

    /**
     * Serializes, until the end of the current transaction, everything that may close a cycle in the
     * institution's link graph: a new link, and a merge arriving from the catalog topic. The cycle check
     * reads links of several aggregates (chains) and the catalog replica, so without this two writes could
     * each check a graph without the other and both commit. A row lock per institution (not a JVM lock:
     * several instances of the service share the database; not SERIALIZABLE isolation: the rest of the
     * service runs at READ COMMITTED and would start failing with retryable errors). Under READ COMMITTED a
     * statement after the lock sees what the previous holder committed.
     */
    void lockLinkGraph(String institutionId);

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

    record RecordedLink(String chainId, String fromProductId, String toProductId, Instant recordedAt) {
    }
}
