package io.lanes.kpi.persistence;

import io.lanes.eventstore.consumer.ConsumerProgress;
import io.lanes.kpi.facts.FactRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The tables of a rebuild: a fresh fact table filled beside the live one, and the swap of the two in
 * one short transaction. Blocking calls: the rebuild runs on a thread of its own.
 */
@ApplicationScoped
public class RebuildTables {

    /** Advisory lock key ("KPIREB"): one rebuild at a time across replicas. */
    public static final long REBUILD_LOCK = 0x4b5049524542L;

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String FRESH = "kpi_fact_rebuild";
    private static final String INSERT = "INSERT INTO " + FRESH + " (ce_id, ce_type, subject, matter_id, occurred_at, "
            + "data) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb) ON CONFLICT (ce_id) DO NOTHING";

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

    public void createFresh() {
        pool.query("DROP TABLE IF EXISTS " + FRESH)
                .execute()
                .chain(() -> pool.query("CREATE TABLE " + FRESH + " (LIKE kpi_fact INCLUDING ALL)")
                        .execute())
                .await()
                .indefinitely();
    }

    public void insertFresh(List<FactRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        pool.preparedQuery(INSERT)
                .executeBatch(rows.stream()
                        .map(row -> Tuple.of(row.ceId(), row.ceType(), row.subject())
                                .addValue(row.matterId())
                                .addValue(row.occurredAt())
                                .addValue(row.data()))
                        .collect(Collectors.toList()))
                .await()
                .indefinitely();
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

    private static Uni<Void> swap(SqlConnection connection) {
        return connection
                .query("ALTER TABLE kpi_fact RENAME TO kpi_fact_retired")
                .execute()
                .chain(() -> connection
                        .query("ALTER TABLE " + FRESH + " RENAME TO kpi_fact")
                        .execute())
                .chain(() -> connection.query("DROP TABLE kpi_fact_retired").execute())
                .replaceWithVoid();
    }
}
