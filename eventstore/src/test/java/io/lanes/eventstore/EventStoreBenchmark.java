package io.lanes.eventstore;

import static io.lanes.eventstore.fixture.Events.newIncomplete;

import io.lanes.eventstore.fixture.Reactive;
import io.lanes.testing.LanesInfra;
import io.lanes.testing.LanesInfraResource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
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
    private static final int RELAY_BACKLOG = 20_000;
    /** Same key as the relay's advisory lock: holding it keeps the relay idle while a backlog builds. */
    private static final long RELAY_LOCK = 0x4c414e4553L;

    @Inject
    EventStore store;

    @Test
    void appendAndRelayThroughput() throws Exception {
        appendAt(4, 1_000);
        for (int writers : new int[] {1, 8, 32}) {
            double perSecond = appendAt(writers, EVENTS_PER_LEVEL);
            LOG.infof(
                    "BENCHMARK {\"benchmark\":\"append\",\"writers\":%d,\"events\":%d,\"eventsPerSecond\":%.0f}",
                    writers, EVENTS_PER_LEVEL, perSecond);
        }
        Awaitility.await()
                .atMost(Duration.ofMinutes(5))
                .until(() -> LanesInfra.get().database().queryLong("SELECT count(*) FROM lanes_outbox") == 0);

        try (Connection hold = LanesInfra.get().database().connect();
                Statement lock = hold.createStatement()) {
            lock.execute("SELECT pg_advisory_lock(" + RELAY_LOCK + ")");
            appendAt(8, RELAY_BACKLOG);
            lock.execute("SELECT pg_advisory_unlock(" + RELAY_LOCK + ")");
        }
        long start = System.nanoTime();
        Awaitility.await()
                .atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> LanesInfra.get().database().queryLong("SELECT count(*) FROM lanes_outbox") == 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.infof(
                "BENCHMARK {\"benchmark\":\"relay\",\"events\":%d,\"seconds\":%.2f,\"eventsPerSecond\":%.0f}",
                RELAY_BACKLOG, seconds, RELAY_BACKLOG / seconds);
    }

    /** Each writer appends one-event transactions to streams of its own, ten events a stream. */
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
                                current.toString(),
                                "intake",
                                expected,
                                List.of(newIncomplete(current, (int) expected + 1)))));
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
