package io.lanes.kpi.persistence;

import io.lanes.contracts.IncomingEvent;
import io.lanes.eventstore.consumer.ConsumerProgress;
import io.lanes.kpi.readmodel.ReadModel;
import io.lanes.kpi.readmodel.ReadModelRow;
import io.lanes.kpi.readmodel.ReadModelRows;
import io.lanes.kpi.readmodel.ReadModelWrites;
import io.lanes.kpi.readmodel.SqlStatement;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.common.TopicPartition;

/**
 * The tables of a rebuild: fresh facts and read models filled beside the live ones, and the swap in
 * one short transaction. Blocking calls: the rebuild runs on a thread of its own.
 */
@ApplicationScoped
public class RebuildTables {

    /** Advisory lock key ("KPIREB"): one rebuild at a time across replicas. */
    public static final long REBUILD_LOCK = 0x4b5049524542L;

    /**
     * Tables a rebuild writes at once, each on its own connection. Two keep both cores of a small machine
     * busy; more only contend (200,000 events: 8,069 events/s with one, 9,881 with two, 9,288 with four).
     */
    private static final int TABLES_AT_ONCE = 2;

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The fresh tables are the live ones' names with this suffix. */
    private static final String FRESH = "_rebuild";

    /** The rebuild lock, held by a session of its own until released. */
    public interface Lock {

        void release();
    }

    private final Pool pool;

    public RebuildTables(Pool pool) {
        this.pool = pool;
    }

    /** The lock across replicas, or empty when another replica holds it. */
    public Optional<Lock> tryLock() {
        SqlConnection session = pool.getConnection().await().atMost(WAIT);
        boolean mine = session.query("SELECT pg_try_advisory_lock(" + REBUILD_LOCK + ")")
                .execute()
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getBoolean(0);
        if (!mine) {
            session.closeAndAwait();
            return Optional.empty();
        }
        return Optional.of(() -> {
            // The connection goes back to the pool, its session with it: unlock explicitly.
            session.query("SELECT pg_advisory_unlock(" + REBUILD_LOCK + ")")
                    .execute()
                    .await()
                    .atMost(WAIT);
            session.closeAndAwait();
        });
    }

    /** Whether the read models still wait for their first fill from facts consumed before they existed. */
    public boolean backfillNeeded() {
        return pool.query("SELECT 1 FROM kpi_read_model_backfill")
                        .execute()
                        .await()
                        .atMost(WAIT)
                        .size()
                > 0;
    }

    /**
     * Fresh, empty copies of the facts and every read model, with their keys but without their other
     * indexes: the bulk of a rebuild only inserts, and an index built once over all rows costs far less
     * than one kept up to date row by row. Answers the indexes {@link #completeBulk} builds.
     */
    public List<String> createFresh() {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReadModel model : ReadModel.values()) {
            String fresh = model.table() + FRESH;
            chain = chain.chain(
                            () -> pool.query("DROP TABLE IF EXISTS " + fresh).execute())
                    .chain(() -> pool.query("CREATE TABLE " + fresh + " (LIKE " + model.table() + " INCLUDING ALL)")
                            .execute())
                    .replaceWithVoid();
        }
        chain.await().indefinitely();
        List<String> deferred = new ArrayList<>();
        for (ReadModel model : ReadModel.values()) {
            String fresh = model.table() + FRESH;
            for (Row index : pool.preparedQuery("SELECT indexname, indexdef FROM pg_indexes WHERE tablename = $1 "
                            + "AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass)")
                    .execute(Tuple.of(fresh))
                    .await()
                    .atMost(WAIT)) {
                pool.query("DROP INDEX " + index.getString(0)).execute().await().atMost(WAIT);
                deferred.add(index.getString(1));
            }
        }
        return deferred;
    }

    /**
     * Starts writing the facts and read-model rows of {@code events} into the fresh tables: the rows
     * are worked out on the caller's thread, the statements then run while the caller reads on. The
     * tables are written side by side, each on its own connection (no transaction: a failed rebuild is
     * thrown away). In the {@code bulk} of a rebuild a time entry whose matter is not written yet keeps
     * nulls until {@link #completeBulk}; after it, each batch brings them up to date as the live consumer does.
     */
    public CompletableFuture<Void> insertFresh(List<IncomingEvent> events, boolean bulk) {
        List<ReadModelRow> rows =
                events.stream().flatMap(e -> ReadModelRows.of(e).stream()).toList();
        ReadModelWrites.BatchWrites writes = ReadModelWrites.byTable(rows, FRESH);
        Uni<Void> tables = writes.byTable().isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join()
                        .all(writes.byTable().stream().map(this::inTurn).toList())
                        .usingConcurrencyOf(TABLES_AT_ONCE)
                        .andFailFast()
                        .replaceWithVoid();
        return tables.chain(() -> bulk ? Uni.createFrom().voidItem() : inTurn(writes.after()))
                .subscribeAsCompletionStage();
    }

    /**
     * Ends the bulk of a rebuild: builds the {@code deferred} indexes, gives every time entry its matter's
     * profile in one pass, and gathers the fresh tables' statistics for the planner. These statements work
     * over every row (at 2,000,000 events, minutes), so they run in a transaction without the statement
     * timeout that bounds a scorecard's queries.
     */
    public void completeBulk(List<String> deferred) {
        pool.withTransaction(connection -> {
                    Uni<Void> chain = connection
                            .query("SET LOCAL statement_timeout = 0")
                            .execute()
                            .replaceWithVoid();
                    List<String> statements = new ArrayList<>(deferred);
                    statements.add(ReadModelWrites.everyTimeEntryProfile(FRESH));
                    for (ReadModel model : ReadModel.values()) {
                        statements.add("ANALYZE " + model.table() + FRESH);
                    }
                    for (String statement : statements) {
                        chain = chain.chain(
                                () -> connection.query(statement).execute().replaceWithVoid());
                    }
                    return chain;
                })
                .await()
                .indefinitely();
    }

    private Uni<Void> inTurn(List<SqlStatement> statements) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SqlStatement statement : statements) {
            chain = chain.chain(() -> pool.preparedQuery(statement.sql())
                    .execute(Tuple.from(new ArrayList<Object>(statement.values())))
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * Under a lock that holds back the live consumer, swaps the tables if the rebuild has read
     * ({@code position}) at least as far as the live consumer applied; otherwise answers the offsets
     * still to read (empty after a swap).
     */
    public Map<TopicPartition, Long> swapIfCaughtUp(Map<TopicPartition, Long> position) {
        return pool.withTransaction(connection -> connection
                        .query("LOCK TABLE kpi_fact IN ACCESS EXCLUSIVE MODE")
                        .execute()
                        .chain(() -> ConsumerProgress.of(connection, FactStore.CONSUMER))
                        .chain(applied -> {
                            Map<TopicPartition, Long> ahead = new HashMap<>();
                            applied.forEach((partition, done) -> {
                                if (position.getOrDefault(partition, Long.MAX_VALUE) < done.nextOffset()) {
                                    ahead.put(partition, done.nextOffset());
                                }
                            });
                            return ahead.isEmpty()
                                    ? swap(connection).replaceWith(Map.<TopicPartition, Long>of())
                                    : Uni.createFrom().item(ahead);
                        }))
                .await()
                .indefinitely();
    }

    /** Every live table retires for its fresh copy; a pending upgrade backfill is done with it. */
    private static Uni<Void> swap(SqlConnection connection) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (ReadModel model : ReadModel.values()) {
            String live = model.table();
            chain = chain.chain(() -> connection
                            .query("ALTER TABLE " + live + " RENAME TO " + live + "_retired")
                            .execute())
                    .chain(() -> connection
                            .query("ALTER TABLE " + live + FRESH + " RENAME TO " + live)
                            .execute())
                    .chain(() ->
                            connection.query("DROP TABLE " + live + "_retired").execute())
                    .replaceWithVoid();
        }
        return chain.chain(() ->
                        connection.query("DELETE FROM kpi_read_model_backfill").execute())
                .replaceWithVoid();
    }
}
