package io.lanes.kpi.rebuild;

import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.PoisonRecordException;
import io.lanes.eventstore.kafka.KafkaClients;
import io.lanes.kpi.persistence.RebuildTables;
import io.lanes.kpi.service.TopicEndOffsets;
import io.lanes.platform.problem.ProblemException;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
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
import org.jboss.logging.Logger;

/**
 * Rebuilds the facts and read models from offset 0 of every topic into a fresh table while the live table keeps
 * serving, then swaps the two in one short transaction. The swap waits until the rebuild has read at
 * least as far as the live consumer has applied on every partition (checked under a lock that holds
 * the live consumer back), so no event the live table has is missing from the new one.
 */
@ApplicationScoped
public class ProjectionRebuild {

    private static final Logger LOG = Logger.getLogger(ProjectionRebuild.class);

    private final RebuildTables tables;
    private final Clock clock;
    private final KafkaClients kafka;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.NEVER);
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "kpi-rebuild"));

    public ProjectionRebuild(RebuildTables tables, Clock clock, KafkaClients kafka) {
        this.tables = tables;
        this.clock = clock;
        this.kafka = kafka;
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
            throw ProblemException.conflict(
                    "rebuild-running",
                    "A rebuild is already running since " + status.get().startedAt());
        }
        Optional<RebuildTables.Lock> lock = tables.tryLock();
        if (lock.isEmpty()) {
            status.set(current);
            throw ProblemException.conflict("rebuild-running", "Another kpi-service replica is rebuilding");
        }
        worker.submit(() -> {
            try {
                run(running.startedAt());
            } finally {
                lock.get().release();
            }
        });
        return running;
    }

    private void run(Instant startedAt) {
        long[] counts = new long[2];
        try {
            List<String> deferredIndexes = tables.createFresh();
            try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                // The bulk: every record there was when the rebuild began, then the indexes.
                readUpTo(consumer, consumer.endOffsets(partitions), counts, startedAt, true);
                tables.completeBulk(deferredIndexes);
                while (true) {
                    Map<TopicPartition, Long> live = tables.swapIfCaughtUp(
                            partitions.stream().collect(Collectors.toMap(p -> p, consumer::position)));
                    if (live.isEmpty()) {
                        break;
                    }
                    readUpTo(consumer, live, counts, startedAt, false);
                }
            }
            Instant finished = clock.instant();
            double seconds = Math.max(Duration.between(startedAt, finished).toMillis(), 1) / 1000.0;
            status.set(new RebuildStatus(
                    RebuildStatus.State.SWAPPED,
                    startedAt,
                    finished,
                    counts[0],
                    counts[1],
                    Math.round(counts[0] / seconds * 10) / 10.0,
                    null));
            LOG.infof("projection rebuilt from offset 0: %d records in %.1f s", counts[0], seconds);
        } catch (RuntimeException e) {
            LOG.error("projection rebuild failed; the live facts keep serving", e);
            status.set(new RebuildStatus(
                    RebuildStatus.State.FAILED,
                    startedAt,
                    clock.instant(),
                    counts[0],
                    counts[1],
                    null,
                    e.getMessage()));
        }
    }

    private void readUpTo(
            KafkaConsumer<String, byte[]> consumer,
            Map<TopicPartition, Long> target,
            long[] counts,
            Instant startedAt,
            boolean bulk) {
        // One batch is written while the next is read and decoded; never more than one, so each
        // table's writes stay in read order.
        CompletableFuture<Void> writing = CompletableFuture.completedFuture(null);
        while (target.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<IncomingEvent> rows = new ArrayList<>(records.count());
            for (ConsumerRecord<String, byte[]> record : records) {
                counts[0]++;
                try {
                    rows.add(CloudEventCodec.decode(record));
                } catch (PoisonRecordException e) {
                    counts[1]++; // the live consumer sent it to the dead-letter topic already
                }
            }
            writing.join();
            status.set(
                    new RebuildStatus(RebuildStatus.State.RUNNING, startedAt, null, counts[0], counts[1], null, null));
            writing = tables.insertFresh(rows, bulk);
        }
        writing.join();
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Properties config = kafka.reader("kpi-service-rebuild");
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

    /** An upgrade onto facts consumed before the read models existed fills them by a rebuild. */
    void backfill(@Observes StartupEvent start) {
        if (tables.backfillNeeded()) {
            LOG.info("read models are empty beside existing facts: rebuilding them from offset 0");
            start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        worker.shutdownNow();
    }
}
