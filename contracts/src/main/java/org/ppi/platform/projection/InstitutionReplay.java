package org.ppi.platform.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.ppi.platform.inbox.EventEnvelope;
import org.ppi.platform.web.DomainRejection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rebuilds one institution's read models from the service's own event log, which holds verbatim every event the
 * projection consumed for it. Under the projection's lock (so no consumer applies an event meanwhile) and in one
 * database transaction: empty the institution's rows of the read-model tables and of the recalculation log, its
 * inbox entries and its logged events, forget its in-memory ledger, then apply its logged events again, in the
 * order they were applied, exactly like a first delivery but leaving the consumer offsets alone. If anything
 * fails the transaction rolls back and the ledger is forgotten: the institution keeps its figures. Other
 * institutions' rows are never touched, and the topics are not read.
 * <p>
 * Unlike {@link ReplayService} (every institution, from offset 0 of the topics, asynchronous, the platform
 * administrator's) this one is synchronous and belongs to the institution itself (its auditor). The consumers
 * wait while it runs; the outbox publishes the institution's figures again as new events (see {@link Outbox} on
 * ids), so consumers end on the same figures.
 */
public class InstitutionReplay {
    private static final Logger log = LoggerFactory.getLogger(InstitutionReplay.class);

    private final ReplayPlan plan;
    private final ProjectionTransaction projection;
    private final EventLog eventLog;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final ReplayService deploymentReplay;
    private final Map<String, Result> last = new ConcurrentHashMap<>();

    public InstitutionReplay(ReplayPlan plan, ProjectionTransaction projection, EventLog eventLog, JdbcClient jdbc,
                             TransactionTemplate tx, ReplayService deploymentReplay) {
        this.plan = plan;
        this.projection = projection;
        this.eventLog = eventLog;
        this.jdbc = jdbc;
        this.tx = tx;
        this.deploymentReplay = deploymentReplay;
    }

    /** Rebuilds the institution's read models; 409 {@code replay.running} while a deployment-wide replay runs. */
    public Result replay(String institutionId, String actingUser) {
        // Asked before entering the projection's exclusive section: a starting deployment replay holds its own
        // monitor while it waits to enter it. One that starts right after this check simply rebuilds everything afterwards.
        if (deploymentReplay.status().filter(s -> !s.finished()).isPresent()) {
            throw DomainRejection.conflict("replay.running", null);
        }
        return plan.transaction().exclusively(() -> {
            Instant started = Instant.now();
            long startedNanos = System.nanoTime();
            Integer events;
            try {
                events = tx.execute(status -> rebuild(institutionId));
            } catch (RuntimeException e) {
                log.warn("Replay of institution {} failed, its figures are unchanged", institutionId, e);
                throw e;
            } finally {
                // Rolled back: the ledger may be ahead of the database. Committed: the next event loads it afresh.
                plan.fold().forget(institutionId);
            }
            long millis = Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
            Result result = Result.of(institutionId, events == null ? 0 : events, millis, started, actingUser);
            last.put(institutionId, result);
            log.info("Replayed institution {}: {} events in {} ms (by {})", institutionId, result.events(), millis, actingUser);
            return result;
        });
    }

    /** The last replay of this institution since the service started, if any. */
    public Optional<Result> last(String institutionId) {
        return Optional.ofNullable(last.get(institutionId));
    }

    private int rebuild(String institutionId) {
        // first the institution's row lock, so no instance applies an event of it between the read and the delete
        new InstitutionVersions(jdbc).advance(institutionId);
        List<EventEnvelope> events = eventLog.inAppliedOrder(institutionId);
        for (String table : plan.tables()) {
            jdbc.sql("delete from " + table + " where institution_id = ?").param(institutionId).update();
        }
        jdbc.sql("delete from recalculation_log where institution_id = ?").param(institutionId).update();
        jdbc.sql("delete from inbox_event where event_id in (select event_id from event_log where institution_id = ?)")
                .param(institutionId).update();
        jdbc.sql("delete from event_log where institution_id = ?").param(institutionId).update();
        plan.fold().forget(institutionId);
        projection.reapplyAll(events, plan.fold());
        long logged = eventLog.count(institutionId);
        if (logged != events.size()) {
            // e.g. an event whose type this version no longer knows: it would leave the log, so nothing changes.
            throw new IllegalStateException("Replay of institution " + institutionId + " would log " + logged
                    + " events instead of " + events.size());
        }
        return events.size();
    }

    /** One institution replay: how many events, how long, how fast, when and by whom. */
    public record Result(String institutionId, long events, long millis, Long eventsPerSecond, Instant startedAt,
                         Instant finishedAt, String replayedBy) {
        static Result of(String institutionId, long events, long millis, Instant startedAt, String user) {
            return new Result(institutionId, events, millis, millis == 0 ? null : events * 1000 / millis, startedAt,
                    startedAt.plusMillis(millis), user);
        }
    }
}
