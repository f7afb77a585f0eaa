package org.ppi.platform.projection;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A purge of old rows in deletes of at most {@code batch} rows, each its own short statement, repeated until one
 * deletes fewer: a purge after a large replay never holds a long lock on a table the consumers write to.
 */
final class BoundedDelete {
    private BoundedDelete() {
    }

    /**
     * @param delete a delete with two parameters, the cutoff and the batch size
     *               ({@code delete from t where id in (select id from t where at < ? order by id limit ?)})
     * @return how many rows went
     */
    static int repeat(JdbcClient jdbc, String delete, Timestamp before, int batch) {
        int purged = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).params(before, batch).update();
            purged += deleted;
        } while (deleted == batch);
        return purged;
    }
}
