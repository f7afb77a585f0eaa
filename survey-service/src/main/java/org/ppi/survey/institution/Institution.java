package org.ppi.survey.institution;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ppi.contracts.survey.CostingMethod;
import org.ppi.contracts.survey.CostingMethodChosen;
import org.ppi.contracts.survey.InstitutionDetailsRevised;
import org.ppi.contracts.survey.InstitutionRegistered;
import org.ppi.contracts.survey.ScopeDefined;
import org.ppi.contracts.survey.ScopeRenamed;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.Numbers;
import org.ppi.survey.institution.InstitutionCommands.ChooseCostingMethod;
import org.ppi.survey.institution.InstitutionCommands.DefineScope;
import org.ppi.survey.institution.InstitutionCommands.RegisterInstitution;
import org.ppi.survey.institution.InstitutionCommands.RenameScope;
import org.ppi.survey.institution.InstitutionCommands.ReviseInstitutionDetails;

/** The tenant: its currency, fiscal year, standard weekly hours, costing method and ámbitos. */
@Aggregate
public class Institution {
    static final BigDecimal DEFAULT_WEEKLY_HOURS = BigDecimal.valueOf(40);
    private static final BigDecimal MAX_WEEK = BigDecimal.valueOf(168);
    private static final int FIRST_FISCAL_YEAR = 1900;
    private static final int LAST_FISCAL_YEAR = 2999;

    @AggregateIdentifier
    private String institutionId;
    private String name;
    private String country;
    private String currency;
    private int fiscalYear;
    private BigDecimal weeklyHours;
    private Integer fiscalYearStartMonth;
    private CostingMethod costingMethod;
    private final Map<String, String> scopeNames = new HashMap<>();

    protected Institution() {
    }

    @CommandHandler
    public Institution(RegisterInstitution cmd) {
        BigDecimal hours = cmd.weeklyHours() == null ? DEFAULT_WEEKLY_HOURS : cmd.weeklyHours();
        checkDetails(cmd.name(), cmd.currency(), cmd.fiscalYear(), hours);
        checkStartMonth(cmd.fiscalYearStartMonth());
        apply(new InstitutionRegistered(cmd.institutionId(), cmd.actingUser(), cmd.name(), cmd.country(), cmd.currency(),
                cmd.fiscalYear(), hours, cmd.costingMethod() == null ? CostingMethod.CLASSIC : cmd.costingMethod(),
                cmd.fiscalYearStartMonth()));
    }

    @CommandHandler
    public void handle(ReviseInstitutionDetails cmd) {
        BigDecimal hours = cmd.weeklyHours() == null ? weeklyHours : cmd.weeklyHours();
        checkDetails(cmd.name(), cmd.currency(), cmd.fiscalYear(), hours);
        checkStartMonth(cmd.fiscalYearStartMonth());
        Integer startMonth = cmd.fiscalYearStartMonth() == null ? fiscalYearStartMonth : cmd.fiscalYearStartMonth();
        boolean unchanged = cmd.name().equals(name) && Objects.equals(cmd.country(), country)
                && cmd.currency().equals(currency) && cmd.fiscalYear() == fiscalYear && hours.compareTo(weeklyHours) == 0
                && Objects.equals(startMonth, fiscalYearStartMonth);
        if (!unchanged) {
            apply(new InstitutionDetailsRevised(institutionId, cmd.actingUser(), cmd.name(), cmd.country(),
                    cmd.currency(), cmd.fiscalYear(), hours, startMonth));
        }
    }

    @CommandHandler
    public void handle(ChooseCostingMethod cmd) {
        if (cmd.costingMethod() == null) {
            throw DomainRejection.badRequest("request.missing-parameter", "costingMethod", "costingMethod");
        }
        if (cmd.costingMethod() != costingMethod) {
            apply(new CostingMethodChosen(institutionId, cmd.actingUser(), cmd.costingMethod()));
        }
    }

    @CommandHandler
    public void handle(DefineScope cmd) {
        requireName(cmd.name());
        if (scopeNames.containsKey(cmd.scopeId())) {
            throw DomainRejection.conflict("entity.already-exists", "scopeId", cmd.scopeId());
        }
        requireFreeScopeName(cmd.scopeId(), cmd.name());
        apply(new ScopeDefined(institutionId, cmd.actingUser(), cmd.scopeId(), cmd.name()));
    }

    @CommandHandler
    public void handle(RenameScope cmd) {
        String current = scopeNames.get(cmd.scopeId());
        if (current == null) {
            throw DomainRejection.notFound("scope.not-found", "id", cmd.scopeId());
        }
        requireName(cmd.name());
        if (!current.equals(cmd.name())) {
            requireFreeScopeName(cmd.scopeId(), cmd.name());
            apply(new ScopeRenamed(institutionId, cmd.actingUser(), cmd.scopeId(), cmd.name()));
        }
    }

    private static void checkStartMonth(Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            throw DomainRejection.badRequest("institution.fiscal-year-start-month", "fiscalYearStartMonth", String.valueOf(month));
        }
    }

    private static void checkDetails(String name, String currency, int fiscalYear, BigDecimal weeklyHours) {
        requireName(name);
        Numbers.hours(weeklyHours, "weeklyHours");
        if (weeklyHours.signum() <= 0 || weeklyHours.compareTo(MAX_WEEK) > 0) {
            throw DomainRejection.badRequest("institution.weekly-hours", "weeklyHours");
        }
        if (currency == null || !currency.matches("[A-Z]{3}")) {
            throw DomainRejection.badRequest("institution.currency", "currency");
        }
        if (fiscalYear < FIRST_FISCAL_YEAR || fiscalYear > LAST_FISCAL_YEAR) {
            throw DomainRejection.badRequest("institution.fiscal-year", "fiscalYear", String.valueOf(FIRST_FISCAL_YEAR),
                    String.valueOf(LAST_FISCAL_YEAR));
        }
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw DomainRejection.badRequest("request.missing-parameter", "name", "name");
        }
    }

    /** Two ámbitos with the same name would make the grouped views ambiguous. */
    private void requireFreeScopeName(String scopeId, String candidate) {
        for (Map.Entry<String, String> scope : scopeNames.entrySet()) {
            if (!scope.getKey().equals(scopeId) && scope.getValue().equalsIgnoreCase(candidate.trim())) {
                throw DomainRejection.conflict("scope.name-taken", "name", candidate.trim());
            }
        }
    }

    @EventSourcingHandler
    void on(InstitutionRegistered e) {
        institutionId = e.institutionId();
        name = e.name();
        country = e.country();
        currency = e.currency();
        fiscalYear = e.fiscalYear();
        fiscalYearStartMonth = e.fiscalYearStartMonth();
        weeklyHours = e.weeklyHours();
        costingMethod = e.costingMethod();
    }

    @EventSourcingHandler
    void on(InstitutionDetailsRevised e) {
        name = e.name();
        country = e.country();
        currency = e.currency();
        fiscalYear = e.fiscalYear();
        fiscalYearStartMonth = e.fiscalYearStartMonth();
        weeklyHours = e.weeklyHours();
    }

    @EventSourcingHandler
    void on(CostingMethodChosen e) {
        costingMethod = e.costingMethod();
    }

    @EventSourcingHandler
    void on(ScopeDefined e) {
        scopeNames.put(e.scopeId(), e.name());
    }

    @EventSourcingHandler
    void on(ScopeRenamed e) {
        scopeNames.put(e.scopeId(), e.name());
    }
}
