package io.lanes.eventstore.outbox;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.eventstore.EventStore;
import io.lanes.platform.kafka.KafkaProducerSettings;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Publishes committed contract events to Kafka, in order, never inside a request. Each round, in one
 * database transaction: take the relay lock, read the oldest outbox rows in position order, send them
 * (key and CloudEvents headers per docs/events.md, escalation events also to the escalations topic), wait
 * for every acknowledgement, delete the acknowledged rows, commit.
 *
 * <p>Why this never skips or reorders: a row leaves the outbox only once Kafka acknowledged it, so
 * an event whose transaction commits late is still there when it becomes visible (there is no
 * high-water mark to overtake it). Within a stream, version n+1 can only be inserted after version n
 * committed (the stream's unique version makes the second writer wait), so position order is stream
 * order. A transaction-level advisory lock lets only one instance relay at a time. Woken by
 * LISTEN/NOTIFY, with a poll as backstop; Kafka or database errors back off and retry from the
 * oldest unacknowledged row.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the advisory lock that makes one instance per database the relay. */
    private static final long RELAY_LOCK = 0x4c414e4553L;

    private static final String SELECT_BATCH = "SELECT e.position, e.stream_id, e.version, e.event_id, e.ce_type, "
            + "CAST(e.data AS text), e.occurred_at FROM lanes_outbox o JOIN lanes_event e ON e.position = o.position "
            + "ORDER BY o.position LIMIT ?";

    private final DataSource dataSource;
    private final OutboxConfig config;
    private final String bootstrapServers;
    private final String clientId;
    private final Clock clock;
    private final Counter published;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(
            DataSource dataSource,
            OutboxConfig config,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "lanes") String application,
            Clock clock,
            MeterRegistry registry) {
        this.dataSource = dataSource;
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.clientId = application + "-outbox-relay";
        this.clock = clock;
        this.published = Counter.builder("lanes.outbox.published")
                .description("Events the relay published to Kafka")
                .register(registry);
        Gauge.builder("lanes.outbox.pending", pending, AtomicLong::get)
                .description("Committed events not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("lanes.outbox.lag.seconds", this, relay -> relay.lag().toMillis() / 1000.0)
                .description("Age of the oldest event not yet acknowledged by Kafka")
                .register(registry);
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("outbox relay disabled (lanes.outbox.enabled=false)");
            return;
        }
        running = true;
        thread = new Thread(this::run, clientId);
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running = false;
        stopping.countDown();
        if (thread != null) {
            try {
                thread.join(config.pollInterval().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Events committed but not yet acknowledged, as of the last round. */
    public long pending() {
        return pending.get();
    }

    /** How long the oldest unacknowledged event has waited; zero when none waits. */
    public Duration lag() {
        Instant oldest = oldestPending.get();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    /** The last failure, cleared by the next successful round. */
    public String lastError() {
        return lastError.get();
    }

    public boolean isRunning() {
        return running && thread != null && thread.isAlive();
    }

    OutboxConfig config() {
        return config;
    }

    private void run() {
        Duration backoff = Duration.ofMillis(200);
        while (running) {
            try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerSettings());
                    Connection connection = dataSource.getConnection()) {
                listen(connection);
                while (running) {
                    int sent;
                    do {
                        sent = relayBatch(connection, producer);
                    } while (sent == config.batchSize() && running);
                    lastError.set(null);
                    backoff = Duration.ofMillis(200);
                    connection.unwrap(PGConnection.class).getNotifications((int)
                            config.pollInterval().toMillis());
                }
            } catch (Exception e) {
                if (!running) {
                    return;
                }
                lastError.set(e.getClass().getSimpleName() + ": " + e.getMessage());
                LOG.warnf("outbox relay: %s; retrying in %d ms", lastError.get(), backoff.toMillis());
                pause(backoff);
                backoff = min(backoff.multipliedBy(2), config.maxBackoff());
            }
        }
    }

    private Map<String, Object> producerSettings() {
        Map<String, Object> settings = KafkaProducerSettings.reliable(bootstrapServers, clientId);
        // Fail a round within seconds while Kafka is away, so the loop backs off instead of hanging.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        return settings;
    }

    private static void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + EventStore.OUTBOX_CHANNEL);
        }
    }

    /** One round; returns how many events it read. */
    private int relayBatch(Connection connection, KafkaProducer<String, byte[]> producer) throws Exception {
        connection.setAutoCommit(false);
        try {
            if (!tryLock(connection)) {
                connection.commit();
                return 0;
            }
            List<OutboxRow> batch = readBatch(connection);
            List<Long> acknowledged = publish(producer, batch);
            delete(connection, acknowledged);
            refreshBacklog(connection);
            connection.commit();
            published.increment(acknowledged.size());
            if (acknowledged.size() < batch.size()) {
                throw new IllegalStateException((batch.size() - acknowledged.size()) + " of " + batch.size()
                        + " events were not acknowledged by Kafka");
            }
            return batch.size();
        } catch (Exception e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private List<OutboxRow> readBatch(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_BATCH)) {
            select.setInt(1, config.batchSize());
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    rows.add(new OutboxRow(
                            rs.getLong(1),
                            rs.getString(2),
                            rs.getLong(3),
                            (UUID) rs.getObject(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getTimestamp(7).toInstant()));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the batch and returns the positions to delete: every row Kafka acknowledged on all its
     * topics, unless an earlier row of the same stream failed (that one and its successors are sent
     * again, in order, next round).
     */
    private List<Long> publish(KafkaProducer<String, byte[]> producer, List<OutboxRow> batch)
            throws InterruptedException {
        List<List<Future<RecordMetadata>>> sends = new ArrayList<>(batch.size());
        for (OutboxRow row : batch) {
            EventType type = EventType.fromCeType(row.ceType())
                    .orElseThrow(() -> new IllegalStateException("outbox holds a non-contract type " + row.ceType()));
            CloudEvent event = new CloudEvent(
                    row.eventId(),
                    type.source().uri(),
                    row.ceType(),
                    row.streamId(),
                    row.occurredAt(),
                    row.version(),
                    row.data().getBytes(StandardCharsets.UTF_8));
            List<Future<RecordMetadata>> perTopic = new ArrayList<>();
            for (Topic topic : type.topics()) {
                perTopic.add(producer.send(CloudEventCodec.toRecord(topic.topicName(), event)));
            }
            sends.add(perTopic);
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>();
        Set<String> failedStreams = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            OutboxRow row = batch.get(i);
            boolean ok = !failedStreams.contains(row.streamId());
            for (Future<RecordMetadata> send : sends.get(i)) {
                ok &= acknowledged(send);
            }
            if (ok) {
                acknowledged.add(row.position());
            } else {
                failedStreams.add(row.streamId());
            }
        }
        return acknowledged;
    }

    private static boolean acknowledged(Future<RecordMetadata> send) throws InterruptedException {
        try {
            send.get(60, TimeUnit.SECONDS);
            return true;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return false;
        }
    }

    private static void delete(Connection connection, List<Long> positions) throws SQLException {
        if (positions.isEmpty()) {
            return;
        }
        Array array = connection.createArrayOf("bigint", positions.toArray());
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM lanes_outbox WHERE position = ANY (?)")) {
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    private void refreshBacklog(Connection connection) throws SQLException {
        try (Statement count = connection.createStatement();
                ResultSet rs = count.executeQuery("SELECT count(*), min(e.recorded_at) FROM lanes_outbox o "
                        + "JOIN lanes_event e ON e.position = o.position")) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPending.set(
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Waits out a backoff, or less when the service stops. */
    private void pause(Duration duration) {
        try {
            stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private record OutboxRow(
            long position,
            String streamId,
            long version,
            UUID eventId,
            String ceType,
            String data,
            Instant occurredAt) {}
}
