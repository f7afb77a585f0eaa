package org.ppi.valuechain.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.ppi.contracts.catalog.ProductType;
import org.ppi.valuechain.directory.ValueChainDirectory;

/** The directory as aggregate tests see it: filled by hand, scoped by institution like the real one. */
public class InMemoryDirectory implements ValueChainDirectory {
    private final Set<String> impacts = new HashSet<>();
    private final Set<String> results = new HashSet<>();
    private final Map<String, ProductFacts> products = new HashMap<>();
    private final Map<String, ChainFacts> chains = new HashMap<>();
    private final Map<String, List<LinkEdge>> links = new HashMap<>();
    private final Map<String, Map<String, String>> merges = new HashMap<>();
    public int locks;
    private final Map<String, String> programCodes = new HashMap<>();
    private final Map<String, String> chainPrograms = new HashMap<>();
    private final Set<String> commonActivities = new HashSet<>();

    private static String key(String institutionId, String id) {
        return institutionId + '|' + id;
    }

    public InMemoryDirectory impact(String institutionId, String impactId) {
        impacts.add(key(institutionId, impactId));
        return this;
    }

    public InMemoryDirectory result(String institutionId, String resultId) {
        results.add(key(institutionId, resultId));
        return this;
    }

    public InMemoryDirectory product(String institutionId, String productId, ProductType type, boolean active) {
        products.put(key(institutionId, productId), new ProductFacts(productId, type, active));
        return this;
    }

    public InMemoryDirectory terminal(String institutionId, String productId) {
        return product(institutionId, productId, ProductType.TERMINAL, true);
    }

    public InMemoryDirectory intermediate(String institutionId, String productId) {
        return product(institutionId, productId, ProductType.INTERMEDIATE, true);
    }

    public InMemoryDirectory chain(String institutionId, String chainId, String terminalProductId, boolean retired) {
        chains.put(key(institutionId, chainId), new ChainFacts(chainId, terminalProductId, retired));
        return this;
    }

    public InMemoryDirectory link(String institutionId, String fromProductId, String toProductId) {
        links.computeIfAbsent(institutionId, k -> new ArrayList<>()).add(new LinkEdge(fromProductId, toProductId));
        return this;
    }

    /** A merge the catalog replica knows: {@code source} now counts for {@code target}. */
    public InMemoryDirectory merged(String institutionId, String source, String target) {
        merges.computeIfAbsent(institutionId, k -> new HashMap<>()).put(source, target);
        ProductFacts facts = products.get(key(institutionId, source));
        if (facts != null) {
            products.put(key(institutionId, source), new ProductFacts(source, facts.type(), false));
        }
        return this;
    }

    public InMemoryDirectory program(String institutionId, String programId, String code) {
        programCodes.put(key(institutionId, code), programId);
        return this;
    }

    public InMemoryDirectory chainInProgram(String institutionId, String chainId, String programId) {
        chainPrograms.put(key(institutionId, chainId), programId);
        return this;
    }

    /** The program has a common activity producing the product. */
    public InMemoryDirectory commonActivity(String institutionId, String programId, String productId) {
        commonActivities.add(key(institutionId, programId + '|' + productId));
        return this;
    }

    @Override
    public boolean impactExists(String institutionId, String impactId) {
        return impacts.contains(key(institutionId, impactId));
    }

    @Override
    public boolean resultExists(String institutionId, String resultId) {
        return results.contains(key(institutionId, resultId));
    }

    @Override
    public Optional<ProductFacts> product(String institutionId, String productId) {
        return Optional.ofNullable(products.get(key(institutionId, productId)));
    }

    @Override
    public Optional<ChainFacts> chain(String institutionId, String chainId) {
        return Optional.ofNullable(chains.get(key(institutionId, chainId)));
    }

    @Override
    public Optional<String> activeChainWithTerminal(String institutionId, String terminalProductId) {
        return chains.entrySet().stream()
                .filter(e -> e.getKey().startsWith(institutionId + '|'))
                .filter(e -> !e.getValue().retired() && e.getValue().terminalProductId().equals(terminalProductId))
                .map(e -> e.getValue().chainId()).findFirst();
    }

    @Override
    public List<LinkEdge> links(String institutionId) {
        return links.getOrDefault(institutionId, List.of());
    }

    @Override
    public List<RecordedLink> recordedLinks(String institutionId) {
        return links(institutionId).stream()
                .map(l -> new RecordedLink("ch-any", l.fromProductId(), l.toProductId(), java.time.Instant.EPOCH)).toList();
    }

    @Override
    public Map<String, String> mergedInto(String institutionId) {
        return merges.getOrDefault(institutionId, Map.of());
    }

    @Override
    public void lockLinkGraph(String institutionId) {
        locks++;
    }

    @Override
    public Optional<String> programWithCode(String institutionId, String code) {
        return Optional.ofNullable(programCodes.get(key(institutionId, code)));
    }

    @Override
    public Optional<String> programOfChain(String institutionId, String chainId) {
        return Optional.ofNullable(chainPrograms.get(key(institutionId, chainId)));
    }

    @Override
    public boolean programDelivers(String institutionId, String programId, String productId) {
        boolean viaChain = chainPrograms.entrySet().stream()
                .filter(e -> e.getKey().startsWith(institutionId + '|') && e.getValue().equals(programId))
                .map(e -> chains.get(e.getKey()))
                .anyMatch(c -> c != null && !c.retired() && c.terminalProductId().equals(productId));
        ProductFacts product = products.get(key(institutionId, productId));
        boolean viaActivity = commonActivities.contains(key(institutionId, programId + '|' + productId))
                && product != null && product.type() == ProductType.TERMINAL;
        return viaChain || viaActivity;
    }
}
