package org.ppi.valuechain.apnop;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.valuechain.ApnopKind;
import org.ppi.contracts.valuechain.ApnopLineCorrected;
import org.ppi.contracts.valuechain.ApnopLineRecorded;
import org.ppi.contracts.valuechain.ApnopLineRemoved;
import org.ppi.platform.tenancy.ScopedId;
import org.ppi.platform.web.DomainRejection;
import org.ppi.valuechain.directory.Required;
import org.ppi.valuechain.directory.TenantGuard;
import org.ppi.valuechain.program.Program;

/**
 * An APNOP line (asignación presupuestaria que no resulta en productos: transfers, pensions, debt) of the
 * programmatic structure for one fiscal year: an amount of money, in cents, that the budget shows apart and never
 * costs as production. Corrected with its complete new values, or removed; a removed line stays removed.
 */
@Aggregate
public class ApnopLine {
    static final int MAX_NAME = 300;

    @AggregateIdentifier
    private String aggregateId;
    private String lineId;
    private String institutionId;
    private int fiscalYear;
    private String name;
    private ApnopKind kind;
    private BigDecimal amount;
    private boolean removed;

    protected ApnopLine() {
    }

    @CommandHandler
    public ApnopLine(ApnopCommands.RecordApnopLine cmd) {
        validate(cmd.fiscalYear(), cmd.name(), cmd.kind(), cmd.amount());
        apply(new ApnopLineRecorded(cmd.institutionId(), cmd.actingUser(), cmd.lineId(), cmd.fiscalYear(),
                cmd.name().trim(), cmd.kind(), cmd.amount()));
    }

    @CommandHandler
    public void handle(ApnopCommands.CorrectApnopLine cmd) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), lineId);
        if (removed) {
            throw DomainRejection.conflict("apnop.removed", "id", lineId);
        }
        validate(cmd.fiscalYear(), cmd.name(), cmd.kind(), cmd.amount());
        String newName = cmd.name().trim();
        if (cmd.fiscalYear() == fiscalYear && newName.equals(name) && cmd.kind() == kind
                && cmd.amount().compareTo(amount) == 0) {
            return;
        }
        apply(new ApnopLineCorrected(institutionId, cmd.actingUser(), lineId, cmd.fiscalYear(), newName, cmd.kind(),
                cmd.amount(), cmd.reason()));
    }

    @CommandHandler
    public void handle(ApnopCommands.RemoveApnopLine cmd) {
        TenantGuard.requireOwner(institutionId, cmd.institutionId(), lineId);
        if (removed) {
            throw DomainRejection.conflict("apnop.removed", "id", lineId);
        }
        apply(new ApnopLineRemoved(institutionId, cmd.actingUser(), lineId, cmd.reason()));
    }

    private static void validate(Integer fiscalYear, String name, ApnopKind kind, BigDecimal amount) {
        Required.value(fiscalYear, "fiscalYear");
        Required.text(name, "name");
        Required.value(kind, "kind");
        Required.value(amount, "amount");
        if (fiscalYear < Program.FIRST_FISCAL_YEAR || fiscalYear > Program.LAST_FISCAL_YEAR) {
            throw DomainRejection.badRequest("program.fiscal-year", "fiscalYear", fiscalYear,
                    Program.FIRST_FISCAL_YEAR, Program.LAST_FISCAL_YEAR);
        }
        if (name.trim().length() > MAX_NAME) {
            throw DomainRejection.badRequest("apnop.name-too-long", "name", MAX_NAME);
        }
        if (amount.signum() < 0) {
            throw DomainRejection.badRequest("apnop.amount-negative", "amount", amount.toPlainString());
        }
        if (amount.stripTrailingZeros().scale() > 2 || amount.precision() - amount.scale() > 17) {
            throw DomainRejection.badRequest("apnop.amount-cents", "amount", amount.toPlainString());
        }
    }

    @EventSourcingHandler
    void on(ApnopLineRecorded e) {
        aggregateId = ScopedId.of(e.institutionId(), e.lineId());
        lineId = e.lineId();
        institutionId = e.institutionId();
        fiscalYear = e.fiscalYear();
        name = e.name();
        kind = e.kind();
        amount = e.amount();
    }

    @EventSourcingHandler
    void on(ApnopLineCorrected e) {
        fiscalYear = e.fiscalYear();
        name = e.name();
        kind = e.kind();
        amount = Objects.requireNonNull(e.amount());
    }

    @EventSourcingHandler
    void on(ApnopLineRemoved e) {
        removed = true;
    }
}
