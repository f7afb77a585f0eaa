package org.ppi.costing.projection;

import java.time.Instant;

import org.ppi.costing.state.InstitutionState;
import org.ppi.platform.projection.EventLog;
import org.springframework.stereotype.Component;

/**
 * Folds an institution's logged events into an {@link InstitutionState}: what the projection loads a ledger from,
 * and what as-of answers and lineages of institutions not in memory are read from.
 */
@Component
public class InstitutionHistory {
    private final EventLog log;

    public InstitutionHistory(EventLog log) {
        this.log = log;
    }

    /** The institution's state from its events recorded up to {@code until} (null: all of them). */
    public InstitutionState fold(String institutionId, Instant until) {
        InstitutionState state = new InstitutionState(institutionId);
        log.replay(institutionId, until, state::apply);
        return state;
    }
}
