package org.ppi.platform.testing;

/**
 * Figure rows as read with {@code select *}, without what names the batch that last settled them: the row's
 * version, causing event, that event's user and its time (columns and the detail's JSON). Projections settle an
 * institution once per consumed batch (a batch mixes the records of every input topic), so those depend on how
 * events were delivered; everything a figure says does not.
 */
public final class SettledRows {
    private SettledRows() {
    }

    public static String batchFree(String rows) {
        return rows.replaceAll("version=\\d+", "version=_")
                .replaceAll("causation_event_id=[^,}]+", "causation_event_id=_")
                .replaceAll("effective_at=[^,}]+", "effective_at=_")
                .replaceAll("acting_user=[^,}]+", "acting_user=_")
                .replaceAll("\"causationEventId\":\"[^\"]*\"", "\"causationEventId\":_")
                .replaceAll("\"effectiveAt\":\"[^\"]*\"", "\"effectiveAt\":_");
    }
}
