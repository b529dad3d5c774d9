package io.lanes.eventstore;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lanes.eventstore.consumer.TransientFailures;
import io.lanes.platform.domain.RuleBroken;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Which failures a consumer waits out (retry) and which it dead-letters. */
class TransientFailuresTest {

    private static PgException sqlState(String state) {
        return new PgException("failed", "ERROR", state, null);
    }

    @Test
    void aDatabaseAwayOrRestartingIsTransient() {
        assertTrue(TransientFailures.is(new ConnectException("Connection refused")));
        assertTrue(TransientFailures.is(ClosedConnectionException.INSTANCE), "a stale pooled connection");
        assertTrue(TransientFailures.is(sqlState("57P01")), "admin shutdown");
        assertTrue(TransientFailures.is(sqlState("08006")), "connection failure");
    }

    @Test
    void deadlocksSerialisationFailuresAndLockTimeoutsAreTransient() {
        assertTrue(TransientFailures.is(sqlState("40P01")));
        assertTrue(TransientFailures.is(sqlState("40001")));
        assertTrue(TransientFailures.is(sqlState("55P03")));
    }

    @Test
    void aTransientCauseIsFoundUnderWrappers() {
        assertTrue(TransientFailures.is(new CompletionException(new IllegalStateException(sqlState("40P01")))));
    }

    @Test
    void whatTheRecordCausesIsNotTransient() {
        assertFalse(TransientFailures.is(new IllegalStateException("this projection cannot apply it")));
        assertFalse(TransientFailures.is(new RuleBroken("MATTER_NOT_OPEN", "closed")));
        assertFalse(TransientFailures.is(sqlState("23505")), "a unique violation repeats on every retry");
        assertFalse(TransientFailures.is(sqlState("22P02")), "invalid input");
    }
}
