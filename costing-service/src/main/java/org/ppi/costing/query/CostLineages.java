package org.ppi.costing.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ppi.costing.figures.CostFigures;
import org.ppi.costing.figures.Recalculator;
import org.ppi.costing.projection.Ledgers;
import org.ppi.costing.state.InstitutionState;
import org.ppi.costing.projection.InstitutionHistory;
import org.ppi.platform.projection.EventLog;
import org.ppi.platform.web.DomainRejection;
import org.ppi.platform.web.PageQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One page of the events behind one figure, computed on request (figure rows and published events only carry the
 * count and the path here). The current figures' lineage comes from the projection's state in memory when it is
 * the latest one (else from the event log folded now, the state never cached by a query); an {@code asOf} one from
 * the log folded up to that time, as the as-of figures are. Oldest first, as the event log orders them.
 */
@Component
class CostLineages {
    /** A page of a lineage unless the caller asks for another size (at most {@link PageQuery#MAX_SIZE}). */
    static final int DEFAULT_SIZE = 100;

    private final Ledgers ledgers;
    private final EventLog log;
    private final InstitutionHistory institutionHistory;
    private final JdbcClient jdbc;
    private final Recalculator recalculator;
    private final CostSnapshots snapshots;

    CostLineages(Ledgers ledgers, EventLog log, InstitutionHistory institutionHistory, JdbcClient jdbc,
                 Recalculator recalculator, CostSnapshots snapshots) {
        this.institutionHistory = institutionHistory;
        this.ledgers = ledgers;
        this.log = log;
        this.jdbc = jdbc;
        this.recalculator = recalculator;
        this.snapshots = snapshots;
    }

    enum Kind { PRODUCT, EMPLOYEE, CENTER, INSTITUTION }

    Lineage page(String institutionId, Kind kind, String id, Instant asOf, Integer page, Integer size, String unknownCode) {
        PageQuery query = PageQuery.of(page, size == null ? DEFAULT_SIZE : size, List.of(), Map.of(), "position");
        Set<String> ids = asOf == null ? current(institutionId, kind, id) : asOf(institutionId, kind, id, asOf);
        if (ids == null) {
            throw DomainRejection.notFound(unknownCode, "id", id);
        }
        List<EventLog.LoggedEvent> events = log.page(institutionId, ids, query.offset(), query.size());
        int pages = (int) ((ids.size() + query.size() - 1L) / query.size());
        return new Lineage(kind.name(), id, asOf, events, query.page(), query.size(), ids.size(), pages);
    }

    /** The lineage of a figure stored now (unknown figure: null, as for another institution's id). */
    private Set<String> current(String institutionId, Kind kind, String id) {
        boolean known = switch (kind) {
            case PRODUCT -> snapshots.product(institutionId, CostQuery.CURRENT, id).isPresent();
            case EMPLOYEE -> snapshots.employee(institutionId, CostQuery.CURRENT, id).isPresent();
            case CENTER -> snapshots.center(institutionId, CostQuery.CURRENT, id).isPresent();
            case INSTITUTION -> snapshots.institution(institutionId, CostQuery.CURRENT) != null;
        };
        return known ? lineage(liveState(institutionId), kind, id) : null;
    }

    private Set<String> asOf(String institutionId, Kind kind, String id, Instant asOf) {
        InstitutionState state = institutionHistory.fold(institutionId, asOf);
        CostFigures figures = recalculator.full(state.toInput());
        boolean known = switch (kind) {
            case PRODUCT -> figures.products().containsKey(id);
            case EMPLOYEE -> figures.employees().containsKey(id);
            case CENTER -> figures.centers().containsKey(id);
            case INSTITUTION -> state.name() != null || !figures.products().isEmpty();
        };
        return known ? lineage(state, kind, id) : null;
    }

    /**
     * The projection's state when it holds the latest committed version of the institution (or is folding the next
     * one now); otherwise — not in memory here, or advanced by another instance — the event log folded now.
     */
    private InstitutionState liveState(String institutionId) {
        Ledgers.Ledger<InstitutionState, CostFigures> ledger = ledgers.peek(institutionId);
        if (ledger != null && (ledger.pending() != null || ledger.version() == committedVersion(institutionId))) {
            return ledger.state();
        }
        InstitutionState state = institutionHistory.fold(institutionId, null);
        return state;
    }

    private long committedVersion(String institutionId) {
        return jdbc.sql("select version from institution_version where institution_id = ?").param(institutionId)
                .query(Long.class).optional().orElse(0L);
    }

    /** Read under the state's lock, which the projection holds while it folds an event into it. */
    private static Set<String> lineage(InstitutionState state, Kind kind, String id) {
        synchronized (state) {
            return switch (kind) {
                case PRODUCT -> state.productLineage(id);
                case EMPLOYEE -> state.employeeLineage(id);
                case CENTER -> state.centerLineage(id);
                case INSTITUTION -> state.institutionLineage();
            };
        }
    }

    /**
     * One page of the events behind a figure, oldest first: what an auditor walks back to the interviews.
     * {@code totalItems} is the whole lineage's size (what the figure's published event calls {@code lineageSize}).
     */
    record Lineage(String figureKind, String figureId, Instant asOf, List<EventLog.LoggedEvent> events, int page,
                   int size, long totalItems, int totalPages) {
    }
}
