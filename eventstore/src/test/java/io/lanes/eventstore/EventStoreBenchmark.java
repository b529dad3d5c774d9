package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.newTimeRecorded;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.eventstore.fixture.Reactive;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.lanes.testing.MachineBaselines;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Throughput of the event store and the relay on this machine, printed as JSON lines. Not part of
 * the default test run: {@code ./mvnw -B -pl eventstore -am verify -Pbenchmark}.
 */
@Tag("benchmark")
@QuarkusTest
@QuarkusTestResource(LanesInfraResource.class)
class EventStoreBenchmark {

    private static final Logger LOG = Logger.getLogger(EventStoreBenchmark.class);
    private static final int EVENTS_PER_LEVEL = 4_000;
    private static final int RELAY_BACKLOG = 100_000;
    /** Same key as the relay's advisory lock: holding it keeps the relay idle while a backlog builds. */
    private static final long RELAY_LOCK = 0x4c414e4553L;

    @Inject
    EventStore store;

    @Test
    void appendAndRelayThroughput() throws Exception {
        ObjectNode result = EventJson.mapper().createObjectNode().put("benchmark", "eventstore");
        result.put("fsync", MachineBaselines.fsync());
        appendAt(4, 1_000);
        ObjectNode append = result.putObject("appendEventsPerSecond");
        for (int writers : new int[] {1, 8, 32}) {
            append.put(Integer.toString(writers), Math.round(appendAt(writers, EVENTS_PER_LEVEL)));
        }
        Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .until(() -> LanesInfra.get().database().queryLong("SELECT count(*) FROM lanes_outbox") == 0);

        // The first drain is the relay's warm-up: its code is compiled while it runs, and on two cores C2
        // took more CPU than the relay itself through a 20,000-event drain. A relay in a service is warm.
        drain(RELAY_BACKLOG);
        long relay = Math.round(drain(RELAY_BACKLOG));
        result.put("relayEventsPerSecond", relay);

        // The raw capacity of the same servers in the same run, so the figures above read as ratios.
        ObjectNode baselines = result.putObject("baselines");
        Double pgbench = MachineBaselines.pgbenchSingleInsertTps().orElse(null);
        Double producer = MachineBaselines.producerPerformance().get("recordsPerSecond");
        baselines.put("pgbenchSingleInsertTps", pgbench);
        baselines.put("kafkaProducerRecordsPerSecond", producer);
        ObjectNode ratios = result.putObject("ratios");
        if (pgbench != null) {
            ratios.put("append1ToPgbench", round(append.get("1").asDouble() / pgbench));
            ratios.put("append32ToPgbench", round(append.get("32").asDouble() / pgbench));
        }
        if (producer != null) {
            ratios.put("relayToProducer", round(relay / producer));
        }
        LOG.infof("BENCHMARK %s", result);
    }

    /**
     * Builds a backlog of {@code events} while the relay is held off, then times its drain; events a
     * second. The backlog is copies of the last time entry appended (same type and size, a new id each,
     * streams of ten versions) with their outbox rows, written by one statement, so a backlog long enough
     * for the relay's steady rate costs seconds rather than minutes of appends.
     */
    private double drain(int events) throws Exception {
        try (Connection hold = LanesInfra.get().database().connect();
                Statement lock = hold.createStatement();
                PreparedStatement backlog = hold.prepareStatement(
                        "WITH template AS (SELECT stream_type, ce_type, data, metadata, occurred_at FROM lanes_event "
                                + "WHERE ce_type = ? ORDER BY position DESC LIMIT 1), "
                                + "copies AS (INSERT INTO lanes_event (stream_id, stream_type, version, event_id, ce_type, "
                                + "data, metadata, occurred_at) SELECT ? || '-' || ((g - 1) / 10), t.stream_type, "
                                + "(g - 1) % 10 + 1, gen_random_uuid(), t.ce_type, t.data, t.metadata, t.occurred_at "
                                + "FROM template t, generate_series(1, ?) g ORDER BY g RETURNING position) "
                                + "INSERT INTO lanes_outbox SELECT position FROM copies")) {
            lock.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            backlog.setString(1, EventType.TIME_RECORDED.ceType());
            backlog.setString(2, "backlog-" + UUID.randomUUID());
            backlog.setInt(3, events);
            if (backlog.executeUpdate() != events) {
                throw new IllegalStateException("no time entry to copy: the append levels run first");
            }
            lock.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
        }
        long start = System.nanoTime();
        // Whether any row is left, not how many: counting 100,000 rows every 50 ms would compete with the relay.
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> LanesInfra.get()
                                .database()
                                .queryLong("SELECT count(*) FROM (SELECT 1 FROM lanes_outbox LIMIT 1) AS any_row")
                        == 0);
        return events / ((System.nanoTime() - start) / 1e9);
    }

    private static double round(double ratio) {
        return Math.round(ratio * 1000) / 1000.0;
    }

    /**
     * Each writer appends one-event transactions to streams of its own, ten events a stream. The events
     * are time entries, of the matter topic: the relay publishes them as it would in matter-service,
     * and no consumer of this test application reads them (its consumer of intake events is there for
     * IdempotentConsumer's tests, and would otherwise apply every appended event in the same JVM).
     */
    private double appendAt(int writers, int events) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        int perWriter = events / writers;
        long start = System.nanoTime();
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                done.add(pool.submit(() -> {
                    UUID stream = UUID.randomUUID();
                    for (int i = 0; i < perWriter; i++) {
                        if (i % 10 == 0) {
                            stream = UUID.randomUUID();
                        }
                        UUID current = stream;
                        long expected = i % 10;
                        Reactive.await(() -> Panache.withTransaction(() -> store.append(
                                current.toString(), "matter", expected, List.of(newTimeRecorded(current)))));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return perWriter * writers / ((System.nanoTime() - start) / 1e9);
    }
}
