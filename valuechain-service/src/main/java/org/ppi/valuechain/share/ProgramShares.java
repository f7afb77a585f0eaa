package org.ppi.valuechain.share;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.valuechain.ProgramShareSet;
import org.ppi.contracts.valuechain.ProgramShareWithdrawn;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.valuechain.directory.Decimals;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.directory.ValueChainDirectory;
import org.ppi.valuechain.program.Program;
import org.ppi.valuechain.share.ShareCommands.SetProgramShare;
import org.ppi.valuechain.share.ShareCommands.WithdrawProgramShare;

/**
 * The shares of one terminal product's cost that the programs delivering it take in one fiscal year. One
 * aggregate per product and year, so that the rule that binds the programs together — their shares never add up
 * to more than 1 — is checked against every share at once, never against a read model that may lag. Shares that
 * add up to less than 1 leave the rest to the programs without one (equal parts), else unassigned (budget).
 * Scoped by institution through its {@link ScopedId}.
 */
@Aggregate
public class ProgramShares {
    @AggregateIdentifier
    private String aggregateId;
    private final Map<String, BigDecimal> shares = new HashMap<>();

    protected ProgramShares() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetProgramShare cmd, ValueChainDirectory directory) {
        Required.text(cmd.programId(), "programId");
        Required.text(cmd.productId(), "productId");
        Required.value(cmd.fiscalYear(), "fiscalYear");
        Required.value(cmd.share(), "share");
        if (cmd.fiscalYear() < Program.FIRST_FISCAL_YEAR || cmd.fiscalYear() > Program.LAST_FISCAL_YEAR) {
            throw DomainRejection.badRequest("program.fiscal-year", "fiscalYear", cmd.fiscalYear(),
                    Program.FIRST_FISCAL_YEAR, Program.LAST_FISCAL_YEAR);
        }
        BigDecimal share = cmd.share();
        if (share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0) {
            throw DomainRejection.badRequest("share.out-of-range", "share", share.toPlainString());
        }
        Decimals.requireStorable(share, "share");
        if (!directory.programDelivers(cmd.institutionId(), cmd.programId(), cmd.productId())) {
            throw DomainRejection.unprocessable("share.product-not-delivered", "productId", cmd.productId(),
                    cmd.programId());
        }
        BigDecimal current = shares.get(cmd.programId());
        if (current != null && current.compareTo(share) == 0) {
            return;
        }
        BigDecimal others = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
            if (!e.getKey().equals(cmd.programId())) {
                others = others.add(e.getValue());
            }
        }
        if (others.add(share).compareTo(BigDecimal.ONE) > 0) {
            throw DomainRejection.conflict("share.exceeds-one", "share", share.toPlainString(), cmd.productId(),
                    cmd.fiscalYear(), others.stripTrailingZeros().toPlainString(),
                    BigDecimal.ONE.subtract(others).stripTrailingZeros().toPlainString());
        }
        apply(new ProgramShareSet(cmd.institutionId(), cmd.actingUser(), cmd.programId(), cmd.productId(),
                cmd.fiscalYear(), share));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(WithdrawProgramShare cmd) {
        Required.text(cmd.programId(), "programId");
        Required.text(cmd.productId(), "productId");
        Required.value(cmd.fiscalYear(), "fiscalYear");
        if (!shares.containsKey(cmd.programId())) {
            throw DomainRejection.notFound("share.not-set", "programId", cmd.programId(), cmd.productId(),
                    cmd.fiscalYear());
        }
        apply(new ProgramShareWithdrawn(cmd.institutionId(), cmd.actingUser(), cmd.programId(), cmd.productId(),
                cmd.fiscalYear()));
    }

    @EventSourcingHandler
    void on(ProgramShareSet e) {
        aggregateId = ScopedId.of(e.institutionId(), ProgramShareSet.keyOf(e.productId(), e.fiscalYear()));
        shares.put(e.programId(), e.share());
    }

    @EventSourcingHandler
    void on(ProgramShareWithdrawn e) {
        shares.remove(e.programId());
    }
}
