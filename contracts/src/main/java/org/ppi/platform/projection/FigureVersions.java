package org.ppi.platform.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
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
    private final String record;
    private final String one;
    private final String all;

    public FigureVersions(String table, BatchedWrites writes, JdbcClient jdbc) {
        this.table = table;
        this.writes = writes;
        this.jdbc = jdbc;
        String figure = "institution_id = ? and kind = ? and figure_id = ?";
        // One statement per version, so that a batch of them runs in the order they were recorded (JDBC batches group
        // rows per statement): either the current version is at this instant or later, and takes the new detail, or
        // it is earlier, and is closed by the new version inserted after it. Both updates see the same snapshot, and
        // at most one of them matches the one open version.
        this.record = "with replaced as (update " + table + " set detail = ? where " + figure
                + " and valid_until is null and valid_from >= ? returning 1), "
                + "closed as (update " + table + " set valid_until = ? where " + figure
                + " and valid_until is null and valid_from < ? returning 1) "
                + "insert into " + table + " (institution_id, kind, figure_id, valid_from, detail) "
                + "select ?, ?, ?, ?, ? where not exists (select 1 from replaced)";
        this.one = "select detail from " + table + " where " + figure + " and valid_from <= ? order by valid_from desc limit 1";
        this.all = "with recursive ids (figure_id) as ("
                + "(select figure_id from " + table + " where institution_id = ? and kind = ? order by figure_id limit 1) "
                + "union all select (select v.figure_id from " + table + " v where v.institution_id = ? and v.kind = ? "
                + "and v.figure_id > ids.figure_id order by v.figure_id limit 1) from ids where ids.figure_id is not null) "
                + "select found.detail from ids cross join lateral (select v.detail from " + table + " v "
                + "where v.institution_id = ? and v.kind = ? and v.figure_id = ids.figure_id and v.valid_from <= ? "
                + "order by v.valid_from desc limit 1) found where found.detail is not null order by ids.figure_id";
    }

    /** The figure says {@code detail} from {@code from} on (null: it is gone); batched with the transaction's writes. */
    public void record(String institutionId, String kind, String figureId, Instant from, String detail) {
        Timestamp at = Timestamp.from(from);
        writes.update(record, detail, institutionId, kind, figureId, at, at, institutionId, kind, figureId, at,
                institutionId, kind, figureId, at, detail);
    }

    /** What the figure said at the instant; empty when it did not exist then (or no version reaches back so far). */
    public Optional<String> at(String institutionId, String kind, String figureId, Instant at) {
        return jdbc.sql(one).params(institutionId, kind, figureId, Timestamp.from(at))
                .query((rs, i) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(detail -> detail);
    }

    /** What every figure of the kind that existed at the instant said then, by figure id. */
    public List<String> all(String institutionId, String kind, Instant at) {
        return jdbc.sql(all).params(institutionId, kind, institutionId, kind, institutionId, kind, Timestamp.from(at))
                .query(String.class).list();
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
