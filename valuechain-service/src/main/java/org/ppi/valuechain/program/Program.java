package org.ppi.valuechain.program;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.valuechain.ActivityDefined;
import org.ppi.contracts.valuechain.ActivityKind;
import org.ppi.contracts.valuechain.ChainAssignedToProgram;
import org.ppi.contracts.valuechain.ChainUnassignedFromProgram;
import org.ppi.contracts.valuechain.PlannedVolumeSet;
import org.ppi.contracts.valuechain.ProgramDefined;
import org.ppi.contracts.valuechain.ProgramRevised;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.valuechain.directory.Decimals;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.ppi.valuechain.directory.ValueChainDirectory.ChainFacts;
import org.ppi.valuechain.program.ProgramCommands.AssignChain;
import org.ppi.valuechain.program.ProgramCommands.DefineActivity;
import org.ppi.valuechain.program.ProgramCommands.DefineProgram;
import org.ppi.valuechain.program.ProgramCommands.ReviseProgram;
import org.ppi.valuechain.program.ProgramCommands.SetPlannedVolume;
import org.ppi.valuechain.program.ProgramCommands.UnassignChain;

/**
 * A budget program: it delivers the terminal products of the value chains assigned to it, and its budget is
 * the cost of that production (scaled by the planned volume of a fiscal year, when one is set).
 */
@Aggregate
public class Program {
    public static final int FIRST_FISCAL_YEAR = 1900;
    public static final int LAST_FISCAL_YEAR = 2999;

    /** {@link ScopedId}: institution and client id, so each institution has its own ids. */
    @AggregateIdentifier
    private String aggregateId;
    private String programId;
    private String institutionId;
    private String code;
    private String name;
    private String expectedResult;
    private final Set<String> activityIds = new HashSet<>();
    private final Set<String> chainIds = new HashSet<>();
    /** Products of the program's common activities: it delivers them too, when they are terminal. */
    private final Set<String> commonProducts = new HashSet<>();
    private final Map<String, BigDecimal> plannedVolumes = new HashMap<>();

    protected Program() {
    }

    @CommandHandler
    public Program(DefineProgram cmd, ValueChainDirectory directory) {
        Required.text(cmd.code(), "code");
        Required.text(cmd.name(), "name");
        String code = cmd.code().trim();
        directory.programWithCode(cmd.institutionId(), code).ifPresent(other -> {
            throw DomainRejection.conflict("program.code-taken", "code", code);
        });
        apply(new ProgramDefined(cmd.institutionId(), cmd.actingUser(), cmd.programId(), code, cmd.name().trim(),
                cmd.expectedResult()));
    }

    @CommandHandler
    public void handle(ReviseProgram cmd, ValueChainDirectory directory) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), programId);
        Required.text(cmd.code(), "code");
        Required.text(cmd.name(), "name");
        String newCode = cmd.code().trim();
        String newName = cmd.name().trim();
        directory.programWithCode(institutionId, newCode).filter(other -> !other.equals(programId)).ifPresent(other -> {
            throw DomainRejection.conflict("program.code-taken", "code", newCode);
        });
        if (newCode.equals(code) && newName.equals(name) && Objects.equals(cmd.expectedResult(), expectedResult)) {
            return;
        }
        apply(new ProgramRevised(institutionId, cmd.actingUser(), programId, newCode, newName, cmd.expectedResult()));
    }

    @CommandHandler
    public void handle(DefineActivity cmd, ValueChainDirectory directory) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), programId);
        Required.text(cmd.name(), "name");
        Required.value(cmd.kind(), "kind");
        if (activityIds.contains(cmd.activityId())) {
            throw DomainRejection.conflict("activity.already-defined", "id", cmd.activityId());
        }
        String productId = cmd.productId() == null || cmd.productId().isBlank() ? null : cmd.productId();
        if (productId != null) {
            var product = directory.product(institutionId, productId)
                    .orElseThrow(() -> DomainRejection.unprocessable("product.unknown", "productId", productId));
            if (!product.active()) {
                throw DomainRejection.unprocessable("product.inactive", "productId", productId);
            }
        }
        apply(new ActivityDefined(institutionId, cmd.actingUser(), programId, cmd.activityId(), cmd.name().trim(),
                cmd.kind(), productId));
    }

    @CommandHandler
    public void handle(AssignChain cmd, ValueChainDirectory directory) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), programId);
        ChainFacts chain = directory.chain(institutionId, cmd.chainId())
                .orElseThrow(() -> DomainRejection.notFound("chain.not-found", "chainId", cmd.chainId()));
        if (chain.retired()) {
            throw DomainRejection.conflict("chain.retired", "chainId", cmd.chainId());
        }
        if (chainIds.contains(cmd.chainId())) {
            return;
        }
        directory.programOfChain(institutionId, cmd.chainId()).ifPresent(other -> {
            throw DomainRejection.conflict("program.chain-in-other-program", "chainId", cmd.chainId(), other);
        });
        apply(new ChainAssignedToProgram(institutionId, cmd.actingUser(), programId, cmd.chainId()));
    }

    @CommandHandler
    public void handle(UnassignChain cmd) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), programId);
        if (!chainIds.contains(cmd.chainId())) {
            throw DomainRejection.notFound("program.chain-not-assigned", "chainId", cmd.chainId(), programId);
        }
        apply(new ChainUnassignedFromProgram(institutionId, cmd.actingUser(), programId, cmd.chainId()));
    }

    @CommandHandler
    public void handle(SetPlannedVolume cmd, ValueChainDirectory directory) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), programId);
        Required.text(cmd.productId(), "productId");
        Required.value(cmd.fiscalYear(), "fiscalYear");
        Required.value(cmd.plannedVolume(), "plannedVolume");
        if (cmd.fiscalYear() < FIRST_FISCAL_YEAR || cmd.fiscalYear() > LAST_FISCAL_YEAR) {
            throw DomainRejection.badRequest("program.fiscal-year", "fiscalYear", cmd.fiscalYear(), FIRST_FISCAL_YEAR,
                    LAST_FISCAL_YEAR);
        }
        if (cmd.plannedVolume().signum() < 0) {
            throw DomainRejection.badRequest("program.planned-volume-negative", "plannedVolume",
                    cmd.plannedVolume().toPlainString());
        }
        Decimals.requireStorable(cmd.plannedVolume(), "plannedVolume");
        if (!delivers(cmd.productId(), directory)) {
            throw DomainRejection.unprocessable("program.product-not-delivered", "productId", cmd.productId(), code);
        }
        BigDecimal current = plannedVolumes.get(volumeKey(cmd.productId(), cmd.fiscalYear()));
        if (current != null && current.compareTo(cmd.plannedVolume()) == 0) {
            return;
        }
        apply(new PlannedVolumeSet(institutionId, cmd.actingUser(), programId, cmd.productId(), cmd.fiscalYear(),
                cmd.plannedVolume()));
    }

    /**
     * A program delivers the terminal products of its assigned, active chains, and those of its common activities
     * (an activity common to several programs: each of them delivers the product).
     */
    private boolean delivers(String productId, ValueChainDirectory directory) {
        boolean viaChain = chainIds.stream()
                .map(chainId -> directory.chain(institutionId, chainId))
                .flatMap(java.util.Optional::stream)
                .anyMatch(chain -> !chain.retired() && chain.terminalProductId().equals(productId));
        return viaChain || commonProducts.contains(productId) && directory.product(institutionId, productId)
                .map(p -> p.type() == org.ppi.contracts.catalog.ProductType.TERMINAL).orElse(false);
    }

    private static String volumeKey(String productId, int fiscalYear) {
        return productId + '|' + fiscalYear;
    }

    @EventSourcingHandler
    void on(ProgramDefined e) {
        aggregateId = ScopedId.of(e.institutionId(), e.programId());
        programId = e.programId();
        institutionId = e.institutionId();
        code = e.code();
        name = e.name();
        expectedResult = e.expectedResult();
    }

    @EventSourcingHandler
    void on(ProgramRevised e) {
        code = e.code();
        name = e.name();
        expectedResult = e.expectedResult();
    }

    @EventSourcingHandler
    void on(ActivityDefined e) {
        activityIds.add(e.activityId());
        if (e.kind() == ActivityKind.COMMON && e.productId() != null) {
            commonProducts.add(e.productId());
        }
    }

    @EventSourcingHandler
    void on(ChainAssignedToProgram e) {
        chainIds.add(e.chainId());
    }

    @EventSourcingHandler
    void on(ChainUnassignedFromProgram e) {
        chainIds.remove(e.chainId());
    }

    @EventSourcingHandler
    void on(PlannedVolumeSet e) {
        plannedVolumes.put(volumeKey(e.productId(), e.fiscalYear()), e.plannedVolume());
    }
}
