package org.ppi.launcher.e2e;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import org.ppi.launcher.Database;

/**
 * The machine's own limit for a projection's writes, measured in the same run: batched upserts (JDBC batches of
 * 500, one transaction each) into a table shaped like costing's product figures, with text columns as long as the
 * real rows' detail and lineage.
 */
final class DatabaseLimit {
    private DatabaseLimit() {
    }

    record Upserts(long rows, double seconds) {
        double perSecond() {
            return seconds == 0 ? 0 : rows / seconds;
        }
    }

    static Upserts batchedUpserts(Database.PostgreSQL database, int rows) {
        String schema = database.schemaPrefix() + "_bench";
        String url = database.url() + (database.url().contains("?") ? "&" : "?") + "reWriteBatchedInserts=true";
        String detail = "x".repeat(600);
        try (Connection c = DriverManager.getConnection(url, database.user(), database.password())) {
            try (Statement s = c.createStatement()) {
                s.execute("create schema if not exists " + schema);
                s.execute("drop table if exists " + schema + ".figure");
                s.execute("create table " + schema + ".figure (institution_id varchar(100) not null, product_id varchar(100) not null, "
                        + "direct_cost numeric(21,2) not null, full_cost numeric(21,2) not null, detail text not null, "
                        + "lineage text not null, version integer not null, primary key (institution_id, product_id))");
            }
            c.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement upsert = c.prepareStatement("insert into " + schema + ".figure values (?, ?, ?, ?, ?, ?, 1) "
                    + "on conflict (institution_id, product_id) do update set direct_cost = excluded.direct_cost, "
                    + "full_cost = excluded.full_cost, detail = excluded.detail, lineage = excluded.lineage, "
                    + "version = " + schema + ".figure.version + 1")) {
                for (int i = 0; i < rows; i++) {
                    // half the rows are updates of rows written before, as a recomputation's are
                    int id = i % Math.max(1, rows / 2);
                    upsert.setString(1, "inst-" + (id % 300));
                    upsert.setString(2, "P" + id);
                    upsert.setBigDecimal(3, BigDecimal.valueOf(i, 2));
                    upsert.setBigDecimal(4, BigDecimal.valueOf(2L * i, 2));
                    upsert.setString(5, detail);
                    upsert.setString(6, "[\"" + java.util.UUID.randomUUID() + "\"]");
                    upsert.addBatch();
                    if ((i + 1) % 500 == 0 || i == rows - 1) {
                        upsert.executeBatch();
                        c.commit();
                    }
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            try (Statement s = c.createStatement()) {
                s.execute("drop schema " + schema + " cascade");
            }
            c.commit();
            return new Upserts(rows, seconds);
        } catch (SQLException e) {
            throw new IllegalStateException("The batched-upsert limit could not be measured", e);
        }
    }
}
