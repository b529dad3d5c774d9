package io.lanes.eventstore;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.reactive.mutiny.impl.MutinySessionImpl;
import org.hibernate.reactive.pool.ReactiveConnection;

/**
 * The connection of the caller's Hibernate Reactive session, so the event store's statements, and a
 * service's read-model rows written with its events, run in the caller's transaction as prepared
 * statements of the PostgreSQL client, without Hibernate's native query machinery: its plan cache keys
 * a native query by its text and a result mapping that never equals a new one, so every execution
 * added an entry with the same hash and each lookup compared against all of them (a third of an
 * append's CPU, measured with JFR). Parameters are positional ($1, $2, ...), as PostgreSQL's own.
 */
public final class SessionConnection {

    private SessionConnection() {}

    /** The rows of {@code sql}, each as its columns' values, in the current session's transaction. */
    public static Uni<List<Object[]>> select(String sql, Object... parameters) {
        return Panache.getSession().chain(session -> select(session, sql, parameters));
    }

    static Uni<List<Object[]>> select(Mutiny.Session session, String sql, Object... parameters) {
        ReactiveConnection connection = of(session);
        return Uni.createFrom()
                .completionStage(() -> connection.select(sql, parameters))
                .map(result -> {
                    List<Object[]> rows = new ArrayList<>(result.size());
                    result.forEachRemaining(rows::add);
                    return rows;
                });
    }

    /** Runs a statement that returns no rows in the current session's transaction; the rows it changed. */
    public static Uni<Integer> update(String sql, Object... parameters) {
        return Panache.getSession()
                .chain(session ->
                        Uni.createFrom().completionStage(() -> of(session).update(sql, parameters)));
    }

    private static ReactiveConnection of(Mutiny.Session session) {
        if (session instanceof MutinySessionImpl open) {
            return open.getReactiveConnection();
        }
        throw new IllegalStateException("not a Hibernate Reactive session: " + session.getClass());
    }
}
