package org.ppi.platform.web;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * A request that failed because the service lost its database for a moment (PostgreSQL restarted, a connection
 * cut): nothing is wrong with the request, so it is answered 503 — try again — not 500, and not the 409 an event
 * store's refused insert would otherwise turn into (Axon reads any failed insert of an aggregate's next event as a
 * concurrent one). Recognised by the cause chain: a SQL state of class 08 (connection exception) or 57P01–57P03
 * (the server shutting down or not accepting connections yet), Spring's resource-failure exceptions, or the pool's
 * word for a connection it has already evicted after such a failure (HikariCP: "Connection is closed", no SQL state
 * — what a commit met when PostgreSQL restarted under it, found by the long fault suite).
 */
public final class DatabaseInterruption {
    private static final Set<String> SHUTDOWN_STATES = Set.of("57P01", "57P02", "57P03");
    private static final String POOL_CLOSED = "Connection is closed";

    private DatabaseInterruption() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getSQLState() != null
                    ? sql.getSQLState().startsWith("08") || SHUTDOWN_STATES.contains(sql.getSQLState())
                    : POOL_CLOSED.equals(sql.getMessage()))) {
                return true;
            }
        }
        return false;
    }
}
