package org.ppi.valuechain.chain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.valuechain.IntermediateLinked;
import org.ppi.contracts.valuechain.IntermediateUnlinked;
import org.ppi.contracts.valuechain.ValueChainDefined;
import org.ppi.contracts.valuechain.ValueChainRetired;
import org.ppi.platform.graph.ResolvedLinkGraph;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.valuechain.chain.ChainCommands.CutCycleLink;
import org.ppi.valuechain.chain.ChainCommands.DefineValueChain;
import org.ppi.valuechain.chain.ChainCommands.LinkIntermediate;
import org.ppi.valuechain.chain.ChainCommands.RetireValueChain;
import org.ppi.valuechain.chain.ChainCommands.UnlinkIntermediate;
import org.ppi.valuechain.directory.Decimals;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.ppi.valuechain.directory.ValueChainDirectory.ProductFacts;

/**
 * A public value chain: result ← terminal product ← intermediate products. Each link says which product an
 * intermediate feeds and with which weight, the share of its cost that goes there.
 */
@Aggregate
public class ValueChain {
    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String chainId;
    private String institutionId;
    private String terminalProductId;
    private boolean retired;
    private final Map<Link, BigDecimal> links = new HashMap<>();

    protected ValueChain() {
    }

    @CommandHandler
    public ValueChain(DefineValueChain cmd, ValueChainDirectory directory) {
        Required.text(cmd.name(), "name");
        Required.text(cmd.resultId(), "resultId");
        Required.text(cmd.terminalProductId(), "terminalProductId");
        if (!directory.resultExists(cmd.institutionId(), cmd.resultId())) {
            throw DomainRejection.unprocessable("result.not-found", "resultId", cmd.resultId());
        }
        ProductFacts terminal = activeProduct(directory, cmd.institutionId(), cmd.terminalProductId(), "terminalProductId");
        if (terminal.type() != ProductType.TERMINAL) {
            throw DomainRejection.unprocessable("chain.terminal-not-terminal", "terminalProductId", cmd.terminalProductId());
        }
        directory.activeChainWithTerminal(cmd.institutionId(), cmd.terminalProductId()).ifPresent(other -> {
            throw DomainRejection.conflict("chain.terminal-taken", "terminalProductId", cmd.terminalProductId(), other);
        });
        apply(new ValueChainDefined(cmd.institutionId(), cmd.actingUser(), cmd.chainId(), cmd.name().trim(),
                cmd.resultId(), cmd.terminalProductId()));
    }

    @CommandHandler
    public void handle(LinkIntermediate cmd, ValueChainDirectory directory) {
        requireActive(cmd.institutionId());
        Required.text(cmd.intermediateProductId(), "intermediateProductId");
        String intermediate = cmd.intermediateProductId();
        String feeds = cmd.feedsProductId() == null || cmd.feedsProductId().isBlank() ? terminalProductId : cmd.feedsProductId();
        BigDecimal weight = cmd.weight() == null ? BigDecimal.ONE : cmd.weight();
        if (weight.signum() <= 0) {
            throw DomainRejection.badRequest("chain.weight-not-positive", "weight", weight.toPlainString());
        }
        Decimals.requireStorable(weight, "weight");
        if (intermediate.equals(feeds)) {
            throw DomainRejection.unprocessable("chain.self-link", "feedsProductId", intermediate);
        }
        ProductFacts product = activeProduct(directory, institutionId, intermediate, "intermediateProductId");
        if (product.type() != ProductType.INTERMEDIATE) {
            throw DomainRejection.unprocessable("chain.intermediate-not-intermediate", "intermediateProductId", intermediate);
        }
        if (!feeds.equals(terminalProductId) && !isLinkedIntermediate(feeds)) {
            throw DomainRejection.unprocessable("chain.feeds-not-in-chain", "feedsProductId", feeds);
        }
        Link link = new Link(intermediate, feeds);
        BigDecimal current = links.get(link);
        if (current != null && current.compareTo(weight) == 0) {
            return;
        }
        if (current == null) {
            // re-entrant inside the controller's transaction, which took the lock before the command
            directory.lockLinkGraph(institutionId);
            ResolvedLinkGraph graph = CycleGuard.graph(directory, institutionId).withLink(intermediate, feeds);
            graph.cycle().ifPresent(cycle -> {
                throw DomainRejection.conflict("chain.cycle", "intermediateProductId", intermediate, feeds,
                        graph.describe(cycle));
            });
        }
        apply(new IntermediateLinked(institutionId, cmd.actingUser(), chainId, intermediate, feeds, weight));
    }

    @CommandHandler
    public void handle(UnlinkIntermediate cmd) {
        requireActive(cmd.institutionId());
        Required.text(cmd.intermediateProductId(), "intermediateProductId");
        String feeds = cmd.feedsProductId() == null || cmd.feedsProductId().isBlank() ? terminalProductId : cmd.feedsProductId();
        Link link = new Link(cmd.intermediateProductId(), feeds);
        if (!links.containsKey(link)) {
            throw DomainRejection.notFound("chain.link-not-found", "intermediateProductId", cmd.intermediateProductId(), feeds);
        }
        if (isLastLinkOf(link) && isFed(link.intermediate())) {
            // its feeders would hang from a product that is no longer in the chain
            throw DomainRejection.conflict("chain.link-has-feeders", "intermediateProductId", cmd.intermediateProductId());
        }
        apply(new IntermediateUnlinked(institutionId, cmd.actingUser(), chainId, cmd.intermediateProductId(), feeds));
    }

    /**
     * The repair of a cycle that two concurrent writes closed together (a link accepted here while catalog
     * accepted a merge that had not reached this service yet): the link is removed if it still lies on a cycle.
     * Its feeders, if any, stay recorded and feed nothing until the chain is rebuilt; nothing else changes.
     */
    @CommandHandler
    public void handle(CutCycleLink cmd, ValueChainDirectory directory) {
        if (retired || !institutionId.equals(cmd.institutionId())) {
            return;
        }
        Link link = new Link(cmd.intermediateProductId(), cmd.feedsProductId());
        if (!links.containsKey(link)) {
            return;
        }
        directory.lockLinkGraph(institutionId);
        if (CycleGuard.graph(directory, institutionId).closesCycle(CycleGuard.edge(chainId, link.intermediate(), link.feeds()))) {
            apply(new IntermediateUnlinked(institutionId, cmd.actingUser(), chainId, link.intermediate(), link.feeds()));
        }
    }

    @CommandHandler
    public void handle(RetireValueChain cmd) {
        requireActive(cmd.institutionId());
        Required.text(cmd.reason(), "reason");
        apply(new ValueChainRetired(institutionId, cmd.actingUser(), chainId, cmd.reason().trim()));
    }

    private static ProductFacts activeProduct(ValueChainDirectory directory, String institutionId, String productId,
                                              String field) {
        ProductFacts product = directory.product(institutionId, productId)
                .orElseThrow(() -> DomainRejection.unprocessable("product.unknown", field, productId));
        if (!product.active()) {
            throw DomainRejection.unprocessable("product.inactive", field, productId);
        }
        return product;
    }

    private void requireActive(String requester) {
        TenantGuard.requireOwner(institutionId, requester, chainId);
        if (retired) {
            throw DomainRejection.conflict("chain.retired", "id", chainId);
        }
    }

    private boolean isLinkedIntermediate(String productId) {
        return links.keySet().stream().anyMatch(l -> l.intermediate().equals(productId));
    }

    private boolean isLastLinkOf(Link link) {
        return links.keySet().stream().noneMatch(l -> !l.equals(link) && l.intermediate().equals(link.intermediate()));
    }

    private boolean isFed(String productId) {
        return links.keySet().stream().anyMatch(l -> l.feeds().equals(productId));
    }

    @EventSourcingHandler
    void on(ValueChainDefined e) {
        aggregateId = ScopedId.of(e.institutionId(), e.chainId());
        chainId = e.chainId();
        institutionId = e.institutionId();
        terminalProductId = e.terminalProductId();
    }

    @EventSourcingHandler
    void on(IntermediateLinked e) {
        links.put(new Link(e.intermediateProductId(), e.feedsProductId()), e.weight());
    }

    @EventSourcingHandler
    void on(IntermediateUnlinked e) {
        links.remove(new Link(e.intermediateProductId(), e.feedsProductId()));
    }

    @EventSourcingHandler
    void on(ValueChainRetired e) {
        retired = true;
    }

    private record Link(String intermediate, String feeds) {
    }
}
