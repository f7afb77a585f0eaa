package org.ppi.platform.projection;

import java.util.List;

/**
 * What a projection service rebuilds on replay: the bindings to stop and start, the topics they read, the
 * read-model tables to empty (besides the shared consumer_offset, inbox_event and event_log), what to forget
 * in memory, and the lock its projection applies events under.
 */
public record ReplayPlan(List<String> bindings, List<String> topics, List<String> tables, Runnable forget, Object lock) {
}
