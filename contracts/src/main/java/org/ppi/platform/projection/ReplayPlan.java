package org.ppi.platform.projection;

import java.util.List;

/**
 * What a projection service rebuilds on replay: the bindings to stop and start, the topics they read, the
 * read-model tables to empty (besides the shared consumer_offset, inbox_event and event_log; each has an
 * {@code institution_id} column, so an institution replay empties the institution's rows alone), what to forget
 * in memory, the projection transaction (whose exclusive section a replay runs in, with no batch being applied),
 * and its fold (which an institution replay applies the institution's logged events through again, and whose
 * {@code forget} drops one institution's in-memory state).
 */
public record ReplayPlan(List<String> bindings, List<String> topics, List<String> tables, Runnable forget,
                         ProjectionTransaction transaction, ProjectionTransaction.Fold fold) {
}
