package io.lanes.kpi.rebuild;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.PoisonRecordException;
import io.lanes.kpi.facts.FactRow;
import io.lanes.kpi.messaging.FactProjection;
import io.lanes.kpi.service.TopicEndOffsets;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds the facts from offset 0 of every topic into a fresh table while the live table keeps
 * serving, then swaps the two in one short transaction. The swap waits until the rebuild has read at
 * least as far as the live consumer has applied on every partition (checked under a lock that holds
 * the live consumer back), so no event the live table has is missing from the new one.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);
    private static final String FRESH = "kpi_fact_rebuild";
    /** Advisory lock key ("KPIREB"): one rebuild at a time across replicas. */
    public static final long REBUILD_LOCK = 0x4b5049524542L;
    private static final String INSERT = "INSERT INTO " + FRESH + " (ce_id, ce_type, subject, matter_id, occurred_at, "
            + "data) VALUES ($1, $2, $3, $4, $5, $6::text::jsonb) ON CONFLICT (ce_id) DO NOTHING";

    private final Pool pool;
    private final Clock clock;
    private final String bootstrapServers;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "kpi-rebuild"));

    public ProjectionRebuild(Pool pool, Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.pool = pool;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    public RebuildStatus status() {
        return status.get();
    }

    /**
     * Starts a rebuild in the background; 409 while one runs here or in another replica (a session
     * advisory lock, held on a connection of its own until the rebuild ends, spans the replicas).
     */
    public RebuildStatus start() {
        RebuildStatus current = status.get();
        RebuildStatus running = new RebuildStatus(RebuildStatus.State.RUNNING, clock.instant(), null, 0, 0, null, null);
        if (current.state() == RebuildStatus.State.RUNNING || !status.compareAndSet(current, running)) {
            throw ProblemException.conflict("rebuild-running", "A rebuild is already running since "
                    + status.get().startedAt());
        }
        SqlConnection lock = pool.getConnection().await().atMost(Duration.ofSeconds(10));
        boolean mine = lock.query("SELECT pg_try_advisory_lock(" + REBUILD_LOCK + ")").execute()
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getBoolean(0);
        if (!mine) {
            lock.closeAndAwait();
            status.set(current);
            throw ProblemException.conflict("rebuild-running", "Another kpi-service replica is rebuilding");
        }
        worker.submit(() -> {
            try {
                run(running.startedAt());
            } finally {
                // The connection goes back to the pool, its session with it: unlock explicitly.
                lock.query("SELECT pg_advisory_unlock(" + REBUILD_LOCK + ")").execute().await()
                        .atMost(Duration.ofSeconds(10));
                lock.closeAndAwait();
            }
        });
        return running;
    }

    private void run(Instant startedAt) {
        long[] counts = new long[2];
        try {
            pool.query("DROP TABLE IF EXISTS " + FRESH).execute()
                    .chain(() -> pool.query("CREATE TABLE " + FRESH + " (LIKE kpi_fact INCLUDING ALL)").execute())
                    .await().indefinitely();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                Map<TopicPartition, Long> target = consumer.endOffsets(partitions);
                while (true) {
                    readUpTo(consumer, target, counts, startedAt);
                    Map<TopicPartition, Long> live = swapIfCaughtUp(consumer, partitions);
                    if (live.isEmpty()) {
                        break;
                    }
                    target = live;
                }
            }
            Instant finished = clock.instant();
            double seconds = Math.max(Duration.between(startedAt, finished).toMillis(), 1) / 1000.0;
            status.set(new RebuildStatus(RebuildStatus.State.SWAPPED, startedAt, finished, counts[0], counts[1],
                    Math.round(counts[0] / seconds * 10) / 10.0, null));
            LOG.infof("projection rebuilt from offset 0: %d records in %.1f s", counts[0], seconds);
        } catch (RuntimeException e) {
            LOG.error("projection rebuild failed; the live facts keep serving", e);
            status.set(new RebuildStatus(RebuildStatus.State.FAILED, startedAt, clock.instant(), counts[0], counts[1],
                    null, e.getMessage()));
        }
    }

    private void readUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> target, long[] counts,
            Instant startedAt) {
        while (target.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<Tuple> rows = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                counts[0]++;
                try {
                    FactRow row = FactRow.of(CloudEventCodec.decode(record));
                    rows.add(Tuple.of(row.ceId(), row.ceType(), row.subject()).addValue(row.matterId())
                            .addValue(row.occurredAt()).addValue(row.data()));
                } catch (PoisonRecordException e) {
                    counts[1]++; // the live consumer sent it to the dead-letter topic already
                }
            }
            if (!rows.isEmpty()) {
                pool.preparedQuery(INSERT).executeBatch(rows).await().indefinitely();
            }
            status.set(new RebuildStatus(RebuildStatus.State.RUNNING, startedAt, null, counts[0], counts[1], null, null));
        }
    }

    /**
     * Under a lock that holds back the live consumer, swaps the tables if the rebuild has read as far
     * as the live consumer applied; otherwise answers the offsets still to read (empty after a swap).
     */
    private Map<TopicPartition, Long> swapIfCaughtUp(KafkaConsumer<String, byte[]> consumer,
            List<TopicPartition> partitions) {
        Map<TopicPartition, Long> position = partitions.stream()
                .collect(Collectors.toMap(p -> p, consumer::position));
        return pool.withTransaction(connection -> connection.query("LOCK TABLE kpi_fact IN ACCESS EXCLUSIVE MODE")
                .execute()
                .chain(() -> connection.preparedQuery("SELECT topic, kafka_partition, next_offset FROM "
                        + "lanes_consumer_progress WHERE consumer = $1").execute(Tuple.of(FactProjection.CONSUMER)))
                .chain(rows -> {
                    Map<TopicPartition, Long> ahead = new HashMap<>();
                    for (Row row : rows) {
                        TopicPartition p = new TopicPartition(row.getString(0), row.getInteger(1));
                        long applied = row.getLong(2);
                        if (position.getOrDefault(p, Long.MAX_VALUE) < applied) {
                            ahead.put(p, applied);
                        }
                    }
                    return ahead.isEmpty() ? swap(connection).replaceWith(Map.<TopicPartition, Long>of())
                            : Uni.createFrom().item(ahead);
                })).await().indefinitely();
    }

    private static Uni<Void> swap(SqlConnection connection) {
        return connection.query("ALTER TABLE kpi_fact RENAME TO kpi_fact_retired").execute()
                .chain(() -> connection.query("ALTER TABLE " + FRESH + " RENAME TO kpi_fact").execute())
                .chain(() -> connection.query("DROP TABLE kpi_fact_retired").execute())
                .replaceWithVoid();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "kpi-service-rebuild");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : TopicEndOffsets.TOPICS) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }
}
