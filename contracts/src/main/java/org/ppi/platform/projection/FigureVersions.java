package org.ppi.platform.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every version of a projection's figures, so that an as-of query reads what the figures said at an instant instead
 * of folding the history up to it. A version is what a figure row said (its {@code detail}) from {@code valid_from},
 * the recording time of the event that changed it, until {@code valid_until}, the next version's (null while it is
 * current); a null detail is a tombstone: the figure did not exist from then on. The projection kernel settles an
 * institution once per recording instant ({@link Unsettled}), so each instant that changed a figure has its version,
 * the same whatever the batch boundaries; a second settle of the same instant (a batch that ended inside it) replaces
 * that instant's version, and a late event recorded before the figure's current version (another topic's, arriving
 * after it) is folded into the current version rather than rewriting history.
 *
 * <p>Reads cost the same whatever the length of the history: the table's key is (institution, kind, figure,
 * valid_from), one figure as of t is one index descent (the latest valid_from at or before t), and all figures of a
 * kind as of t walk the distinct figure ids by the same index (a skip scan: one descent per figure, however many
 * versions each has) instead of reading every version.
 *
 * <p>The table (see the services' migrations) has an {@code institution_id} column, so replays empty it with the
 * other read models, per institution too.
 */
public class FigureVersions {
    private final String table;
    private final BatchedWrites writes;
    private final JdbcClient jdbc;
    private final String replace;
    private final String close;
    private final String insert;
    private final String replaceAt;
    private final String closeAt;
    private final String insertRow;
    private final String one;
    private final String all;

    public FigureVersions(String table, BatchedWrites writes, JdbcClient jdbc) {
        this.table = table;
        this.writes = writes;
        this.jdbc = jdbc;
        String figure = "institution_id = ? and kind = ? and figure_id = ?";
        // Three statements, portable (PostgreSQL, and H2 in PostgreSQL mode, the local default), run in this order
        // for each version: the figure's current version, when it is at this instant or later, takes the new detail;
        // otherwise it is closed, and the new one inserted after it.
        this.replace = "update " + table + " set detail = ? where " + figure + " and valid_until is null and valid_from >= ?";
        this.close = "update " + table + " set valid_until = ? where " + figure + " and valid_until is null and valid_from < ?";
        this.insert = "insert into " + table + " (institution_id, kind, figure_id, valid_from, detail) "
                + "select ?, ?, ?, ?, ? from (values (1)) as one (x) where not exists (select 1 from " + table
                + " where " + figure + " and valid_until is null)";
        this.replaceAt = "update " + table + " set detail = ? where " + figure + " and valid_from = ?";
        this.closeAt = "update " + table + " set valid_until = ? where " + figure + " and valid_from = ?";
        this.insertRow = "insert into " + table + " (institution_id, kind, figure_id, valid_from, valid_until, detail) "
                + "values (?, ?, ?, ?, ?, ?)";
        this.one = "select detail from " + table + " where " + figure + " and valid_from <= ? order by valid_from desc limit 1";
        // the distinct figure ids by the key's index (each step one descent to the next id), then per id one descent
        // to its latest version at or before the instant
        // (each step an "order by ... limit 1" scalar subquery: min() leaves the planner free to aggregate over every
        // version of the kind, which it does while the table's statistics are young)
        this.all = "with recursive ids (figure_id) as ("
                + "select (select figure_id from " + table + " where institution_id = ? and kind = ? "
                + "order by figure_id limit 1) from (values (1)) as one (x) "
                + "union all select (select v.figure_id from " + table + " v where v.institution_id = ? and v.kind = ? "
                + "and v.figure_id > ids.figure_id order by v.figure_id limit 1) from ids where ids.figure_id is not null) "
                + "select (select v.detail from " + table + " v where v.institution_id = ? and v.kind = ? "
                + "and v.figure_id = ids.figure_id and v.valid_from <= ? order by v.valid_from desc limit 1) as detail "
                + "from ids where ids.figure_id is not null order by ids.figure_id";
    }

    /**
     * The figure says {@code detail} from {@code from} on (null: it is gone). Inside a batch the versions are kept
     * until the batch's writes are sent ({@link BatchedWrites#beforeFlush}): a settle per recording instant then
     * costs no round trip of its own, and a figure that changed at several instants of the batch gets its rows with
     * their exact ranges. Outside one they are written at once.
     */
    public void record(String institutionId, String kind, String figureId, Instant from, String detail) {
        Pending pending = writes.local(name(), Pending::new);
        if (pending == null) {
            writeFirst(List.of(institutionId, kind, figureId), Timestamp.from(from), detail);
            return;
        }
        writes.beforeFlush(name(), () -> send(pending));
        pending.add(List.of(institutionId, kind, figureId), Timestamp.from(from), detail);
    }

    private String name() {
        return "figure-versions:" + table;
    }

    /** One figure's versions of the open batch, oldest first; one recorded at or before the last replaces its detail. */
    private static final class Pending {
        final Map<List<String>, List<Version>> figures = new LinkedHashMap<>();

        void add(List<String> figure, Timestamp from, String detail) {
            List<Version> versions = figures.computeIfAbsent(figure, k -> new ArrayList<>());
            Version last = versions.isEmpty() ? null : versions.get(versions.size() - 1);
            if (last != null && !from.after(last.from)) {
                last.detail = detail;
            } else {
                versions.add(new Version(from, detail));
            }
        }

        /** The latest detail the batch holds for the figure, if it holds any. */
        Optional<Optional<String>> last(List<String> figure) {
            List<Version> versions = figures.get(figure);
            return versions == null ? Optional.empty()
                    : Optional.of(Optional.ofNullable(versions.get(versions.size() - 1).detail));
        }
    }

    private static final class Version {
        final Timestamp from;
        String detail;

        Version(Timestamp from, String detail) {
            this.from = from;
            this.detail = detail;
        }
    }

    /**
     * The batch's versions as statements. A figure with one version: the three statements of {@link #writeFirst}
     * (whatever the stored current version is). A figure with several: its current version's start is read (one index
     * descent: it is the latest), the batch's versions at or before it go into it (a late event), the others are
     * inserted with their exact ranges and the current one closed at the first of them — statements on exact keys,
     * so their grouping per statement cannot reorder anything.
     */
    private void send(Pending pending) {
        pending.figures.forEach((figure, versions) -> {
            if (versions.size() == 1) {
                writeFirst(figure, versions.get(0).from, versions.get(0).detail);
                return;
            }
            Optional<Timestamp> current = jdbc.sql("select valid_from from " + table + " where institution_id = ? and "
                            + "kind = ? and figure_id = ? order by valid_from desc limit 1")
                    .params(figure.get(0), figure.get(1), figure.get(2)).query(Timestamp.class).optional();
            List<Version> later = new ArrayList<>();
            String merged = null;
            boolean late = false;
            for (Version version : versions) {
                if (current.isPresent() && !version.from.after(current.get())) {
                    merged = version.detail;
                    late = true;
                } else {
                    later.add(version);
                }
            }
            if (late) {
                writes.update(replaceAt, merged, figure.get(0), figure.get(1), figure.get(2), current.get());
            }
            if (!later.isEmpty() && current.isPresent()) {
                writes.update(closeAt, later.get(0).from, figure.get(0), figure.get(1), figure.get(2), current.get());
            }
            for (int i = 0; i < later.size(); i++) {
                Timestamp until = i + 1 < later.size() ? later.get(i + 1).from : null;
                writes.update(insertRow, figure.get(0), figure.get(1), figure.get(2), later.get(i).from, until,
                        later.get(i).detail);
            }
        });
        pending.figures.clear();
    }

    /** One version, whatever the figure's stored current one: it takes the detail if it is at or after, else closes. */
    private void writeFirst(List<String> figure, Timestamp at, String detail) {
        String institutionId = figure.get(0);
        String kind = figure.get(1);
        String figureId = figure.get(2);
        writes.update(replace, detail, institutionId, kind, figureId, at);
        writes.update(close, at, institutionId, kind, figureId, at);
        writes.update(insert, institutionId, kind, figureId, at, detail, institutionId, kind, figureId);
    }

    /**
     * {@link #record}, unless the figure's current version says the same already (or, for a null detail, it has none):
     * for a figure written on every settle whose value seldom changes. Compares with the batch's latest version of it,
     * else reads the stored current one.
     */
    public void recordIfChanged(String institutionId, String kind, String figureId, Instant from, String detail) {
        Pending pending = writes.local(name(), Pending::new);
        Optional<Optional<String>> kept = pending == null ? Optional.empty()
                : pending.last(List.of(institutionId, kind, figureId));
        if (kept.isPresent()) {
            if (!kept.get().equals(Optional.ofNullable(detail))) {
                record(institutionId, kind, figureId, from, detail);
            }
            return;
        }
        List<Optional<String>> current = jdbc.sql("select detail from " + table
                        + " where institution_id = ? and kind = ? and figure_id = ? and valid_until is null")
                .params(institutionId, kind, figureId).query((rs, i) -> Optional.ofNullable(rs.getString(1))).list();
        boolean same = current.isEmpty() ? detail == null : current.get(0).equals(Optional.ofNullable(detail));
        if (!same) {
            record(institutionId, kind, figureId, from, detail);
        }
    }

    /** What the figure said at the instant; empty when it did not exist then (or no version reaches back so far). */
    public Optional<String> at(String institutionId, String kind, String figureId, Instant at) {
        return jdbc.sql(one).params(institutionId, kind, figureId, Timestamp.from(at))
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(detail -> detail);
    }

    /** What every figure of the kind that existed at the instant said then, by figure id. */
    public List<String> all(String institutionId, String kind, Instant at) {
        List<String> details = new java.util.ArrayList<>();
        jdbc.sql(all).params(institutionId, kind, institutionId, kind, institutionId, kind, Timestamp.from(at))
                .query(rs -> {
                    String detail = rs.getString(1);
                    if (detail != null) {
                        details.add(detail);
                    }
                });
        return details;
    }

    /** The plan of {@link #all}, run, with its rows and buffers: what a measurement of the read's cost looks at. */
    public List<String> explainAll(String institutionId, String kind, Instant at) {
        return jdbc.sql("explain (analyze, buffers, costs off, timing off) " + all)
                .params(institutionId, kind, institutionId, kind, institutionId, kind, Timestamp.from(at))
                .query(String.class).list();
    }

    /** The table, for a replay's list of tables to empty. */
    public String table() {
        return table;
    }
}
