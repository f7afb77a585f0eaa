package org.ppi.launcher.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.ppi.launcher.Database;
import org.ppi.launcher.ServiceSpec;

/**
 * Every figure a projection serves, per institution, reduced to one digest: the amounts to the cent and the detail
 * of each row (its lineage's size included), in id order — what must be identical after a replay. A costing figure's
 * lineage is not stored (it is computed from the event log's facts on request). The rows' bookkeeping (version,
 * the event that caused the last write, its time) is left out: a replay recomputes in other batches than the live
 * stream did, so those may name another event of the same batch.
 */
final class FigureFingerprints {
    /** A row's detail as shown, without the bookkeeping its view repeats (the causing event and its time). */
    private static final String DETAIL = "(detail::jsonb - 'causationEventId' - 'effectiveAt')::text";
    private static final Map<String, List<String>> COSTING = Map.of(
            "product_cost", List.of("product_id", "direct_cost::text || coalesce(unit_cost::text, '-') || full_cost::text || "
                    + "coalesce(full_unit_cost::text, '-') || volume_gap::text ||| " + DETAIL),
            "employee_cost", List.of("employee_id", "allocated_cost::text || unused_cost::text || over_allocated::text ||| " + DETAIL),
            "center_cost", List.of("center_id", "allocated_cost::text || unused_cost::text || over_allocated::text ||| " + DETAIL),
            "institution_cost", List.of("institution_id", "total_cost::text || reconciled::text ||| " + DETAIL));
    /*
     * A budget row's lineage names the costing figure events it was computed from; a costing replay issues the same
     * figures as new events (new ids, see Outbox) and the budget lineage follows them. What the budget figures rest on
     * underneath — the costing figures — is compared above; here the amounts and the detail.
     */
    private static final Map<String, List<String>> BUDGET = Map.of(
            "program_budget", List.of("fiscal_year::text || program_id", "budget::text || budget_exact ||| " + DETAIL),
            "budget_summary", List.of("fiscal_year::text", "programs_total::text || central_actions::text || "
                    + "unassigned_terminals::text || unused_capacity::text || total::text || coalesce(costing_total_cost::text, '-') "
                    + "|| reconciles::text ||| " + DETAIL));

    private final Database.PostgreSQL database;

    FigureFingerprints(Database.PostgreSQL database) {
        this.database = database;
    }

    /** institution → digest of its costing figures. */
    Map<String, String> costing() {
        return of(ServiceSpec.BACKENDS.get(3), COSTING);
    }

    /** institution → digest of its budget figures. */
    Map<String, String> budget() {
        return of(ServiceSpec.BACKENDS.get(4), BUDGET);
    }

    /** Every budget row as text (institution, table, id → amounts and detail): what a failed comparison shows. */
    Map<String, String> budgetRows() {
        return rows(ServiceSpec.BACKENDS.get(4), BUDGET);
    }

    /** Every costing row as text, for the same purpose. */
    Map<String, String> costingRowsAsText() {
        return rows(ServiceSpec.BACKENDS.get(3), COSTING);
    }

    /** Every costing row of one institution as text. */
    Map<String, String> costingRows(String institution) {
        Map<String, String> all = rows(ServiceSpec.BACKENDS.get(3), COSTING);
        all.keySet().removeIf(k -> !k.startsWith(institution + " "));
        return all;
    }

    private Map<String, String> rows(ServiceSpec service, Map<String, List<String>> tables) {
        Map<String, String> rows = new TreeMap<>();
        String schema = database.schemaOf(service);
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            for (Map.Entry<String, List<String>> table : tables.entrySet()) {
                String columns = table.getValue().get(1).replace(" ||| ", " || ' | ' || ");
                try (ResultSet rs = s.executeQuery("select institution_id, " + table.getValue().get(0) + ", " + columns + " from "
                        + schema + "." + table.getKey())) {
                    while (rs.next()) {
                        rows.put(rs.getString(1) + " " + table.getKey() + " " + rs.getString(2), rs.getString(3));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the figures of " + schema, e);
        }
        return rows;
    }

    /** The entries of two row maps that differ, side by side (at most {@code limit}). */
    static String differences(Map<String, String> expected, Map<String, String> actual, int limit) {
        StringBuilder text = new StringBuilder();
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        int shown = 0;
        for (String key : keys) {
            if (!java.util.Objects.equals(expected.get(key), actual.get(key)) && shown++ < limit) {
                text.append("\n").append(key).append("\n  live:   ").append(expected.get(key)).append("\n  replay: ")
                        .append(actual.get(key));
            }
        }
        return text.toString();
    }

    /** Figure events costing and budget wrote and have not published yet (what budget still has to read). */
    long unpublished() {
        long rows = 0;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            for (ServiceSpec service : List.of(ServiceSpec.BACKENDS.get(3), ServiceSpec.BACKENDS.get(4))) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + database.schemaOf(service)
                        + ".outbox where published_at is null")) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the unpublished outbox rows", e);
        }
        return rows;
    }

    /** Rows of the costing figure tables (products, employees, centers, institutions). */
    long costingRows() {
        return count(ServiceSpec.BACKENDS.get(3), COSTING);
    }

    private Map<String, String> of(ServiceSpec service, Map<String, List<String>> tables) {
        Map<String, String> digests = new TreeMap<>();
        String schema = database.schemaOf(service);
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            for (Map.Entry<String, List<String>> table : new TreeMap<>(tables).entrySet()) {
                // one digest per group of columns, so a difference says where it is
                for (String columns : table.getValue().get(1).split(" \\|\\|\\| ")) {
                    String sql = "select institution_id, md5(string_agg(" + table.getValue().get(0) + " || '=' || "
                            + columns + ", '|' order by " + table.getValue().get(0) + ")) from " + schema + "."
                            + table.getKey() + " group by institution_id";
                    String group = columns.contains("lineage") ? "lineage" : columns.contains("detail") ? "detail" : "amounts";
                    try (ResultSet rs = s.executeQuery(sql)) {
                        while (rs.next()) {
                            digests.merge(rs.getString(1), table.getKey() + "." + group + ":" + rs.getString(2), (a, b) -> a + " " + b);
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the figures of " + schema, e);
        }
        return digests;
    }

    private long count(ServiceSpec service, Map<String, List<String>> tables) {
        String schema = database.schemaOf(service);
        long rows = 0;
        try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
             Statement s = c.createStatement()) {
            for (String table : tables.keySet()) {
                try (ResultSet rs = s.executeQuery("select count(*) from " + schema + "." + table)) {
                    rs.next();
                    rows += rs.getLong(1);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot count the figures of " + schema, e);
        }
        return rows;
    }
}
