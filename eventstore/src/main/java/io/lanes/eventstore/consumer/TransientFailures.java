package io.lanes.eventstore.consumer;

import io.vertx.sqlclient.ClosedConnectionException;
import io.vertx.sqlclient.DatabaseException;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure to apply a record may pass by itself: the database away or restarting, a stale
 * pooled connection, a deadlock or serialisation failure, a timeout. Those are retried with back-off
 * for as long as it takes; only other failures (a record the handler can never apply) go to the
 * dead-letter topic, so a fail-over never loses an event to it.
 */
public final class TransientFailures {

    /** SQLSTATE classes that name the moment, not the record: connection (08), transaction rollback
     * (40: serialisation, deadlock), resources (53), operator intervention (57: shutdown, cancel),
     * system (58). */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "57", "58");
    /** Lock not available. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private TransientFailures() {}

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClosedConnectionException
                    || t instanceof IOException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException) {
                return true;
            }
            String sqlState = t instanceof DatabaseException database
                    ? database.getSqlState()
                    : t instanceof SQLException sql ? sql.getSQLState() : null;
            if (sqlState != null
                    && (LOCK_NOT_AVAILABLE.equals(sqlState)
                            || (sqlState.length() >= 2 && TRANSIENT_CLASSES.contains(sqlState.substring(0, 2))))) {
                return true;
            }
        }
        return false;
    }
}
