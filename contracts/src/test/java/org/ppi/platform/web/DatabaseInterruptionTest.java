package org.ppi.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseInterruptionTest {

    @Test
    void aServerShuttingDownOrAConnectionCutDeepInTheChainIsAnInterruption() {
        // what the fault suite saw: Axon's event store wrapping the driver's FATAL 57P01 on a PostgreSQL restart
        RuntimeException axon = new RuntimeException("An event for aggregate [x] at sequence [292] was already inserted",
                new RuntimeException("could not execute statement", new SQLException("FATAL: terminating connection due to "
                        + "administrator command", "57P01")));
        assertThat(DatabaseInterruption.causedBy(axon)).isTrue();
        assertThat(DatabaseInterruption.causedBy(new SQLException("connection refused", "08001"))).isTrue();
        assertThat(DatabaseInterruption.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
        // a commit on the pool's proxy of a connection the restart broke (the second case the fault suite met)
        assertThat(DatabaseInterruption.causedBy(new RuntimeException("Unable to commit against JDBC Connection",
                new SQLException("Connection is closed")))).isTrue();
    }

    @Test
    void aRealDuplicateOrAnyOtherFailureIsNot() {
        assertThat(DatabaseInterruption.causedBy(new DuplicateKeyException("dup", new SQLException("duplicate key", "23505"))))
                .isFalse();
        assertThat(DatabaseInterruption.causedBy(new IllegalStateException("bug"))).isFalse();
        assertThat(DatabaseInterruption.causedBy(new SQLException("no state"))).isFalse();
    }
}
