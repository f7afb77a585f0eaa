package org.ppi.platform.projection;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.ppi.platform.inbox.Inbox;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's dedupe: an event was seen if its id is in the inbox, or in the event log (every event applied,
 * kept for good), or parked and not retried (open, or skipped by an operator). So the inbox only has to remember
 * what the log and the parked events do not — nothing, once they are written — and its rows can be purged after
 * the retention a redelivery needs ({@link InboxPurge}) without a late duplicate ever being applied twice. A retried
 * event is in the log; after a deployment replay empties the log, met again from offset 0, it is applied again.
 */
public class ProjectionInbox extends Inbox {

    public ProjectionInbox(JdbcTemplate jdbc) {
        super(jdbc);
    }

    @Override
    protected Collection<String> seenElsewhere(List<String> ids) {
        String in = placeholders(ids.size());
        List<Object> args = new ArrayList<>(ids);
        args.addAll(ids);
        args.add(ParkedEvents.SKIPPED);
        return jdbc.queryForList("select event_id from event_log where event_id in (" + in + ") "
                + "union select event_id from projection_parked where event_id in (" + in + ") "
                + "and (resolution is null or resolution = ?)", String.class, args.toArray());
    }
}
