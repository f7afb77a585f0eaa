package org.ppi.platform.projection;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each institution's version of the projection's state ({@code institution_version}), advanced inside the transaction
 * that folds the institution's events. The update holds the row's lock until that transaction ends: one writer per
 * institution across every instance sharing the database (the in-memory locks of {@link ProjectionTransaction} only
 * reach one instance). The version tells an instance whether its in-memory state is still the latest one
 * ({@link Ledgers.Ledger#version()}).
 */
public class InstitutionVersions {
    private final JdbcClient jdbc;

    public InstitutionVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Locks the institution's row until the caller's transaction ends and advances its version; answers the version
     * the transaction will commit (1 for an institution never folded before).
     */
    public long advance(String institutionId) {
        int updated = jdbc.sql("update institution_version set version = version + 1 where institution_id = ?")
                .param(institutionId).update();
        if (updated == 0) {
            // two first events of one institution at once: one insert fails on the key and its batch is retried
            jdbc.sql("insert into institution_version (institution_id, version) values (?, 1)").param(institutionId).update();
            return 1;
        }
        return jdbc.sql("select version from institution_version where institution_id = ?").param(institutionId)
                .query(Long.class).single();
    }
}
