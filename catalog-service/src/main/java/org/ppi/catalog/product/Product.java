package org.ppi.catalog.product;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.catalog.directory.CatalogDirectory;
import org.ppi.catalog.directory.CatalogDirectory.ProductFacts;
import org.ppi.catalog.product.ProductCommands.ChangeProductVolume;
import org.ppi.catalog.product.ProductCommands.MergeProducts;
import org.ppi.catalog.product.ProductCommands.RegisterProduct;
import org.ppi.catalog.product.ProductCommands.RenameProduct;
import org.ppi.catalog.product.ProductCommands.RetireProduct;
import org.ppi.catalog.product.ProductCommands.RetypeProduct;
import org.ppi.catalog.product.ProductCommands.ReviseProductFeatures;
import org.ppi.contracts.catalog.ProductFeatures;
import org.ppi.contracts.catalog.ProductFeaturesRevised;
import org.ppi.contracts.catalog.ProductMergedInto;
import org.ppi.contracts.catalog.ProductRegistered;
import org.ppi.contracts.catalog.ProductRenamed;
import org.ppi.contracts.catalog.ProductRetired;
import org.ppi.contracts.catalog.ProductRetyped;
import org.ppi.contracts.catalog.ProductType;
import org.ppi.contracts.catalog.ProductVolumeChanged;
import org.ppi.platform.graph.ResolvedLinkGraph;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Numbers;

/**
 * A good or service a center produces: its type (terminal or intermediate), CORE flag, yearly volume and
 * productive features. Once retired or merged into another product it accepts no change.
 */
@Aggregate
public class Product {
    static final int MAX_NAME = 300;

    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String productId;
    private String institutionId;
    private String name;
    private ProductType type;
    private boolean core;
    private BigDecimal volume;
    private String volumeUnit;
    private ProductFeatures features;
    private ProductStatus status;
    private String mergedInto;

    protected Product() {
    }

    @CommandHandler
    public Product(RegisterProduct cmd, CatalogDirectory directory) {
        String validName = validName(cmd.name());
        requireType(cmd.type());
        requireCoreOnlyIfTerminal(cmd.type(), cmd.core());
        requireValidVolume(cmd.volume());
        var center = directory.center(cmd.institutionId(), cmd.centerId())
                .orElseThrow(() -> DomainRejection.unprocessable("center.not-found", "centerId", cmd.centerId()));
        if (center.closed()) {
            throw DomainRejection.unprocessable("center.closed", "centerId", cmd.centerId());
        }
        apply(new ProductRegistered(cmd.institutionId(), cmd.actingUser(), cmd.productId(), cmd.centerId(), validName,
                cmd.type(), cmd.core(), cmd.volume(), Features.text(cmd.volumeUnit()), Features.normalized(cmd.features())));
    }

    @CommandHandler
    public void handle(RenameProduct cmd) {
        requireChangeable(cmd.institutionId());
        String validName = validName(cmd.name());
        if (!validName.equals(name)) {
            apply(new ProductRenamed(institutionId, cmd.actingUser(), productId, validName));
        }
    }

    @CommandHandler
    public void handle(ReviseProductFeatures cmd) {
        requireChangeable(cmd.institutionId());
        ProductFeatures revised = Features.normalized(cmd.features());
        if (!revised.equals(features)) {
            apply(new ProductFeaturesRevised(institutionId, cmd.actingUser(), productId, revised));
        }
    }

    @CommandHandler
    public void handle(RetypeProduct cmd) {
        requireChangeable(cmd.institutionId());
        requireType(cmd.type());
        requireCoreOnlyIfTerminal(cmd.type(), cmd.core());
        if (cmd.type() != type || cmd.core() != core) {
            apply(new ProductRetyped(institutionId, cmd.actingUser(), productId, cmd.type(), cmd.core()));
        }
    }

    @CommandHandler
    public void handle(ChangeProductVolume cmd) {
        requireChangeable(cmd.institutionId());
        requireValidVolume(cmd.volume());
        String unit = Features.text(cmd.volumeUnit());
        if (!sameVolume(cmd.volume(), volume) || !Objects.equals(unit, volumeUnit)) {
            apply(new ProductVolumeChanged(institutionId, cmd.actingUser(), productId, cmd.volume(), unit));
        }
    }

    @CommandHandler
    public void handle(MergeProducts cmd, CatalogDirectory directory) {
        requireChangeable(cmd.institutionId());
        String target = cmd.targetProductId();
        if (target == null || target.isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", "targetProductId", "targetProductId");
        }
        if (target.equals(productId)) {
            throw DomainRejection.unprocessable("product.merge-self", "targetProductId", productId);
        }
        ProductFacts facts = directory.product(institutionId, target)
                .orElseThrow(() -> DomainRejection.unprocessable("product.merge-target-not-found", "targetProductId", target));
        if (!facts.active()) {
            throw DomainRejection.conflict("product.merge-target-inactive", "targetProductId", target);
        }
        directory.lockMerges(institutionId);
        requireNoCycle(directory, target);
        apply(new ProductMergedInto(institutionId, cmd.actingUser(), productId, target));
    }

    /**
     * Costing reads a link to or from a merged product as the product it was merged into, so a merge may close a
     * cycle in the value chains (links I1 → I2 → I3 → T, then I3 into I1: I1 → I2 → I1) that costing cannot
     * settle. Checked again under the lock: the target must still be active (another merge may have just
     * taken it), and neither the merges nor the links may go round.
     */
    private void requireNoCycle(CatalogDirectory directory, String target) {
        var merges = directory.mergedInto(institutionId);
        if (merges.containsKey(target)) {
            throw DomainRejection.conflict("product.merge-target-inactive", "targetProductId", target);
        }
        var edges = directory.links(institutionId).stream()
                .map(l -> new ResolvedLinkGraph.Edge(l.fromProductId(), l.toProductId())).toList();
        ResolvedLinkGraph graph = ResolvedLinkGraph.of(edges, merges).withMerge(productId, target);
        if (graph.mergesCircle(productId)) {
            throw DomainRejection.conflict("product.merge-target-inactive", "targetProductId", target);
        }
        graph.cycle().ifPresent(cycle -> {
            throw DomainRejection.conflict("product.merge-cycle", "targetProductId", productId, target,
                    graph.describe(cycle));
        });
    }

    @CommandHandler
    public void handle(RetireProduct cmd) {
        requireChangeable(cmd.institutionId());
        apply(new ProductRetired(institutionId, cmd.actingUser(), productId, Features.text(cmd.reason())));
    }

    /** Another institution's product answers exactly like a missing one: its existence is not revealed. */
    private void requireChangeable(String requester) {
        if (!institutionId.equals(requester)) {
            throw DomainRejection.notFound("product.not-found", "id", productId);
        }
        if (status == ProductStatus.RETIRED) {
            throw DomainRejection.conflict("product.retired", "id", productId);
        }
        if (status == ProductStatus.MERGED) {
            throw DomainRejection.conflict("product.merged", "id", productId, mergedInto);
        }
    }

    private static String validName(String requested) {
        String trimmed = Features.text(requested);
        if (trimmed == null) {
            throw DomainRejection.badRequest("product.name-required", "name");
        }
        if (trimmed.length() > MAX_NAME) {
            throw DomainRejection.badRequest("product.name-too-long", "name", MAX_NAME);
        }
        return trimmed;
    }

    private static void requireType(ProductType type) {
        if (type == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "type", "type");
        }
    }

    private static void requireCoreOnlyIfTerminal(ProductType type, boolean core) {
        if (core && type != ProductType.TERMINAL) {
            throw DomainRejection.unprocessable("product.core-intermediate", "core");
        }
    }

    /** Null is an unknown volume (a data gap the costing flags), never a reason to refuse. */
    private static void requireValidVolume(BigDecimal volume) {
        Numbers.quantity(volume, "volume");
        if (volume != null && volume.signum() < 0) {
            throw DomainRejection.badRequest("product.volume-negative", "volume", volume.toPlainString());
        }
    }

    private static boolean sameVolume(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    @EventSourcingHandler
    void on(ProductRegistered e) {
        aggregateId = ScopedId.of(e.institutionId(), e.productId());
        productId = e.productId();
        institutionId = e.institutionId();
        name = e.name();
        type = e.type();
        core = e.core();
        volume = e.volume();
        volumeUnit = e.volumeUnit();
        features = Features.normalized(e.features());
        status = ProductStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(ProductRenamed e) {
        name = e.name();
    }

    @EventSourcingHandler
    void on(ProductFeaturesRevised e) {
        features = Features.normalized(e.features());
    }

    @EventSourcingHandler
    void on(ProductRetyped e) {
        type = e.type();
        core = e.core();
    }

    @EventSourcingHandler
    void on(ProductVolumeChanged e) {
        volume = e.volume();
        volumeUnit = e.volumeUnit();
    }

    @EventSourcingHandler
    void on(ProductMergedInto e) {
        status = ProductStatus.MERGED;
        mergedInto = e.targetProductId();
    }

    @EventSourcingHandler
    void on(ProductRetired e) {
        status = ProductStatus.RETIRED;
    }
}
