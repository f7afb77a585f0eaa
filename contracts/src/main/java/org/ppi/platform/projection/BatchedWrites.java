package org.ppi.platform.projection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A projection's writes, sent as JDBC batches when a polled batch is applied: the statements a transaction makes
 * (log and inbox rows, figure rows, recalculation-log lines, outbox rows) are kept per statement and sent together
 * when {@link #flush()} is called and before {@link #batching} returns — one round trip per kind of statement
 * instead of one per row, inside the same transaction, so all-or-nothing holds as before. Outside a batching
 * section (a retry, an institution replay, the quarantine's savepoints) every write goes at once.
 *
 * <p>What it batches must not be read back before the flush; the callers flush before they read.
 */
public class BatchedWrites {
    private final JdbcTemplate jdbc;
    private final ThreadLocal<Pending> open = new ThreadLocal<>();

    public BatchedWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Runs {@code work} with its writes batched; they are sent before this returns, unless it throws. */
    public <T> T batching(Supplier<T> work) {
        if (open.get() != null) {
            return work.get();
        }
        open.set(new Pending());
        try {
            T result = work.get();
            flush();
            return result;
        } finally {
            open.remove();
        }
    }

    public boolean isBatching() {
        return open.get() != null;
    }

    /** An insert, update or delete. */
    public void update(String sql, Object... args) {
        Pending pending = open.get();
        if (pending == null) {
            jdbc.update(sql, args);
        } else {
            ((Plain) pending.groups.computeIfAbsent(sql, k -> new Plain())).rows.add(args);
        }
    }

    /**
     * A row updated in place ({@code version + 1}) or inserted at version 1 the first time. Saved twice in one batch,
     * the later values win (one statement for the row).
     */
    public void save(String table, Map<String, Object> key, Map<String, Object> columns, boolean versioned) {
        List<Object> updateArgs = new ArrayList<>(columns.values());
        updateArgs.addAll(key.values());
        String update = "update " + table + " set " + columns.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(", "))
                + (versioned ? ", version = version + 1" : "") + " where " + where(key);
        List<Object> insertArgs = new ArrayList<>(key.values());
        insertArgs.addAll(columns.values());
        String insert = "insert into " + table + " (" + String.join(", ", key.keySet()) + ", " + String.join(", ", columns.keySet())
                + (versioned ? ", version" : "") + ") values (" + "?, ".repeat(key.size() + columns.size() - 1) + "?"
                + (versioned ? ", 1" : "") + ")";
        Pending pending = open.get();
        if (pending == null) {
            if (jdbc.update(update, updateArgs.toArray()) == 0) {
                jdbc.update(insert, insertArgs.toArray());
            }
            return;
        }
        Save group = (Save) pending.groups.computeIfAbsent(update, k -> new Save(insert));
        group.rows.put(List.copyOf(key.values()), new Object[][] {updateArgs.toArray(), insertArgs.toArray()});
    }

    /** The row of {@code key} deleted. */
    public void delete(String table, Map<String, Object> key) {
        update("delete from " + table + " where " + where(key), key.values().toArray());
    }

    private static String where(Map<String, Object> key) {
        return key.keySet().stream().map(c -> c + " = ?").collect(Collectors.joining(" and "));
    }

    /** Something a writer keeps for the rest of the open batch (e.g. counters it writes at the end), or null outside one. */
    @SuppressWarnings("unchecked")
    public <T> T local(String name, Supplier<T> initial) {
        Pending pending = open.get();
        return pending == null ? null : (T) pending.locals.computeIfAbsent(name, k -> initial.get());
    }

    /**
     * Runs {@code hook} at the start of every flush of the open batch (registered once per {@code name}; outside a
     * batch, nothing): a writer that keeps its rows until then, to turn them into statements whose order the
     * per-statement grouping cannot break.
     */
    public void beforeFlush(String name, Runnable hook) {
        Pending pending = open.get();
        if (pending != null) {
            pending.beforeFlush.putIfAbsent(name, hook);
        }
    }

    /** Sends what is pending, in the order each kind of statement was first used (after the flush hooks ran). */
    public void flush() {
        Pending pending = open.get();
        if (pending == null) {
            return;
        }
        for (Runnable hook : List.copyOf(pending.beforeFlush.values())) {
            hook.run();
        }
        for (Map.Entry<String, Group> entry : pending.groups.entrySet()) {
            entry.getValue().send(jdbc, entry.getKey());
        }
        pending.groups.clear();
    }

    private static final class Pending {
        final Map<String, Group> groups = new LinkedHashMap<>();
        final Map<String, Object> locals = new HashMap<>();
        final Map<String, Runnable> beforeFlush = new LinkedHashMap<>();
    }

    private interface Group {
        void send(JdbcTemplate jdbc, String sql);
    }

    private static final class Plain implements Group {
        final List<Object[]> rows = new ArrayList<>();

        @Override
        public void send(JdbcTemplate jdbc, String sql) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static final class Save implements Group {
        final String insert;
        final Map<List<Object>, Object[][]> rows = new LinkedHashMap<>();

        Save(String insert) {
            this.insert = insert;
        }

        @Override
        public void send(JdbcTemplate jdbc, String update) {
            List<Object[][]> all = new ArrayList<>(rows.values());
            int[] updated = jdbc.batchUpdate(update, all.stream().map(r -> r[0]).toList());
            List<Object[]> inserts = new ArrayList<>();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) {
                    inserts.add(all.get(i)[1]);
                } else if (updated[i] < 0) {
                    throw new IllegalStateException("The database did not say which rows of a batched update exist ("
                            + Arrays.toString(updated) + "): " + update);
                }
            }
            if (!inserts.isEmpty()) {
                jdbc.batchUpdate(insert, inserts);
            }
        }
    }
}
