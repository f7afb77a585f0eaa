package org.ppi.platform.projection;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Deletes a projection's inbox rows older than {@code ppi.projection.inbox-retention} (default 7 days), in deletes
 * of at most {@code ppi.projection.inbox-purge-batch} rows, each its own short transaction. Safe because the
 * projection's dedupe also reads the event log and the parked events ({@link ProjectionInbox}): the inbox of a
 * long-running deployment no longer grows with every event ever consumed.
 */
public class InboxPurge {
    private static final Logger log = LoggerFactory.getLogger(InboxPurge.class);
    private final JdbcClient jdbc;
    private final Duration retention;
    private final int batch;

    public InboxPurge(JdbcClient jdbc, Duration retention, int batch) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.batch = batch;
    }

    @Scheduled(fixedDelayString = "${ppi.projection.inbox-purge-interval-ms:3600000}", initialDelay = 90_000)
    public void purge() {
        purgeBefore(Instant.now().minus(retention));
    }

    int purgeBefore(Instant cutoff) {
        int purged = BoundedDelete.repeat(jdbc, "delete from inbox_event where event_id in (select event_id from inbox_event "
                + "where processed_at < ? order by processed_at limit ?)", Timestamp.from(cutoff), batch);
        if (purged > 0) {
            log.info("Purged {} inbox rows processed before {}", purged, cutoff);
        }
        return purged;
    }
}
