package io.lanes.eventstore.outbox;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.CloudEventCodec;
import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.kafka.KafkaClients;
import io.lanes.platform.tracing.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
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
 *
 * <p>An event Kafka refuses for good (too large to send, not authorised, ...) is parked in
 * {@code lanes_outbox_parked} with the reason, logged with its event id and counted: it never holds
 * back other streams, and the later events of its own stream wait behind it (its order holds) until an
 * admin retries it ({@link ParkedEvents}). Back-off grows only while a round moves nothing.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the advisory lock that makes one instance per database the relay. */
    private static final long RELAY_LOCK = 0x4c414e4553L;

    /** Rows of streams with a parked row wait (their order must hold) without holding back the others. */
    private static final String NOT_BEHIND_PARKED =
            "NOT EXISTS (SELECT 1 FROM lanes_outbox_parked p WHERE p.stream_id = e.stream_id)";

    private static final Duration BACKLOG_RECOUNT = Duration.ofSeconds(1);

    /**
     * The oldest rows of the outbox with their events. The lower bound on {@code e.position} lets the
     * event index start at the outbox's front: without it the merge join read every published event
     * before it, once per batch (a 20,000-event backlog drained at 2,700 events/s, batches taking up
     * to 170 ms by its end).
     */
    private static final String SELECT_BATCH = "SELECT e.position, e.stream_id, e.version, e.event_id, e.ce_type, "
            + "CAST(e.data AS text), e.occurred_at, e.metadata ->> 'traceparent' FROM lanes_outbox o JOIN lanes_event e ON e.position = o.position "
            + "WHERE e.position >= (SELECT min(position) FROM lanes_outbox) AND " + NOT_BEHIND_PARKED
            + " ORDER BY o.position LIMIT ?";

    private final DataSource dataSource;
    private final Tracer tracer;
    private final OutboxConfig config;
    private final KafkaClients kafka;
    private final String clientId;
    private final Clock clock;
    private final int maxEventBytes;
    private final Counter published;
    private final Counter parkedNow;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong waitingBehindParked = new AtomicLong();
    private final AtomicReference<Instant> oldestPending = new AtomicReference<>();
    private Instant backlogCountedAt = Instant.MIN;
    private final AtomicReference<String> lastError = new AtomicReference<>();
    private final CountDownLatch stopping = new CountDownLatch(1);
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(
            DataSource dataSource,
            OutboxConfig config,
            KafkaClients kafka,
            @ConfigProperty(name = "quarkus.application.name", defaultValue = "lanes") String application,
            @ConfigProperty(name = "lanes.eventstore.max-event-bytes", defaultValue = "1000000") int maxEventBytes,
            Clock clock,
            MeterRegistry registry,
            Tracer tracer) {
        this.maxEventBytes = maxEventBytes;
        this.tracer = tracer;
        this.dataSource = dataSource;
        this.config = config;
        this.kafka = kafka;
        this.clientId = application + "-outbox-relay";
        this.clock = clock;
        this.published = Counter.builder("lanes.outbox.published")
                .description("Events the relay published to Kafka")
                .register(registry);
        this.parkedNow = Counter.builder("lanes.outbox.parked.events")
                .description("Events the relay parked because Kafka refused them for good")
                .register(registry);
        Gauge.builder("lanes.outbox.pending", pending, AtomicLong::get)
                .description("Committed events not yet acknowledged by Kafka (not counting those behind a parked one)")
                .register(registry);
        Gauge.builder("lanes.outbox.parked", parked, AtomicLong::get)
                .description("Events parked: Kafka refused them for good; an admin retries them")
                .register(registry);
        Gauge.builder("lanes.outbox.blocked", waitingBehindParked, AtomicLong::get)
                .description("Events waiting behind a parked event of their stream")
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

    /** Events committed but not yet acknowledged, as of the last round (not those behind a parked one). */
    public long pending() {
        return pending.get();
    }

    /** Events parked (refused by Kafka for good), as of the last round. */
    public long parked() {
        return parked.get();
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
        Map<String, Object> settings = kafka.producer(clientId);
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

    /**
     * One round; returns how many events it read. A round that sent some events, or parked some,
     * made progress even if others must wait: only a round that moved nothing fails, so back-off
     * grows only while nothing moves.
     */
    private int relayBatch(Connection connection, KafkaProducer<String, byte[]> producer) throws Exception {
        connection.setAutoCommit(false);
        try {
            if (!tryLock(connection)) {
                connection.commit();
                return 0;
            }
            List<OutboxRow> batch = readBatch(connection);
            Round round = publish(producer, batch);
            delete(connection, round.acknowledged());
            park(connection, round.parked());
            if (batch.size() < config.batchSize()
                    || !clock.instant().isBefore(backlogCountedAt.plus(BACKLOG_RECOUNT))) {
                refreshBacklog(connection);
            }
            connection.commit();
            published.increment(round.acknowledged().size());
            parkedNow.increment(round.parked().size());
            round.parked()
                    .forEach((row, reason) -> LOG.errorf(
                            "outbox relay parked event %s (%s, %s v%d): %s; later events of that stream wait until an admin "
                                    + "retries it (POST /admin/outbox/parked/%d/retry)",
                            row.eventId(), row.ceType(), row.streamId(), row.version(), reason, row.position()));
            if (round.waiting() > 0) {
                String failure = round.waiting() + " of " + batch.size() + " events were not acknowledged by Kafka";
                if (round.acknowledged().isEmpty() && round.parked().isEmpty()) {
                    throw new IllegalStateException(failure);
                }
                LOG.warnf("outbox relay: %s; the rest went out", failure);
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
                            rs.getTimestamp(7).toInstant(),
                            rs.getString(8)));
                }
            }
        }
        return rows;
    }

    /**
     * Sends the batch and sorts it: the rows Kafka acknowledged on all their topics (to delete), the
     * rows it refused for good (to park: too large to send, or a non-retriable error), and the rows to
     * send again next round. A stream stops at its first row that did not go out: its later rows in
     * the batch are not sent, or are sent again after it, so its order holds.
     */
    private Round publish(KafkaProducer<String, byte[]> producer, List<OutboxRow> batch) throws InterruptedException {
        Set<String> stopped = new HashSet<>();
        Map<OutboxRow, String> parkedRows = new LinkedHashMap<>();
        List<OutboxRow> sent = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>(batch.size());
        List<List<Future<RecordMetadata>>> sends = new ArrayList<>(batch.size());
        for (OutboxRow row : batch) {
            if (stopped.contains(row.streamId())) {
                continue;
            }
            byte[] data = row.data().getBytes(StandardCharsets.UTF_8);
            int bytes = data.length;
            if (bytes > maxEventBytes) {
                // Checked before sending, so no later row of the stream can overtake it on the topic.
                parkedRows.put(
                        row, "the event is " + bytes + " bytes, over the " + maxEventBytes + " a record may carry");
                stopped.add(row.streamId());
                continue;
            }
            EventType type = EventType.fromCeType(row.ceType())
                    .orElseThrow(() -> new IllegalStateException("outbox holds a non-contract type " + row.ceType()));
            Span span = publishSpan(row, type);
            CloudEvent event = new CloudEvent(
                    row.eventId(),
                    type.source().uri(),
                    row.ceType(),
                    row.streamId(),
                    row.occurredAt(),
                    row.version(),
                    data,
                    Traceparent.of(span.getSpanContext()));
            List<Future<RecordMetadata>> perTopic = new ArrayList<>();
            for (Topic topic : type.topics()) {
                perTopic.add(producer.send(CloudEventCodec.toRecord(topic.topicName(), event)));
            }
            sent.add(row);
            spans.add(span);
            sends.add(perTopic);
        }
        producer.flush();
        List<Long> acknowledged = new ArrayList<>();
        for (int i = 0; i < sent.size(); i++) {
            OutboxRow row = sent.get(i);
            String refusal = null;
            boolean ok = !stopped.contains(row.streamId());
            for (Future<RecordMetadata> send : sends.get(i)) {
                Outcome outcome = outcome(send);
                ok &= outcome == Outcome.ACKNOWLEDGED;
                if (outcome instanceof Refused refused) {
                    refusal = refused.reason();
                }
            }
            endPublishSpan(spans.get(i), ok, refusal);
            if (ok) {
                acknowledged.add(row.position());
            } else if (refusal != null && !stopped.contains(row.streamId())) {
                parkedRows.put(row, refusal);
                stopped.add(row.streamId());
            } else {
                stopped.add(row.streamId());
            }
        }
        return new Round(acknowledged, parkedRows, batch.size() - acknowledged.size() - parkedRows.size());
    }

    /**
     * The publish of one event, a child of the work that appended it (the trace context stored with
     * the event); its context travels on as {@code ce_traceparent}, so each consumer continues it.
     */
    private Span publishSpan(OutboxRow row, EventType type) {
        String topics = type.topics().stream().map(Topic::topicName).collect(Collectors.joining(","));
        return tracer.spanBuilder(type.topics().get(0).topicName() + " publish")
                .setParent(Traceparent.parent(row.traceparent()))
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topics)
                .setAttribute("messaging.message.id", row.eventId().toString())
                .setAttribute("cloudevents.event_id", row.eventId().toString())
                .setAttribute("cloudevents.event_type", row.ceType())
                .setAttribute("cloudevents.event_subject", row.streamId())
                .startSpan();
    }

    private static void endPublishSpan(Span span, boolean acknowledged, String refusal) {
        if (!acknowledged) {
            span.setStatus(StatusCode.ERROR, refusal == null ? "not acknowledged; sent again later" : refusal);
        }
        span.end();
    }

    /** What became of one send: acknowledged, refused for good (with why), or to try again. */
    private sealed interface Outcome permits Acknowledged, Refused, Retry {
        Outcome ACKNOWLEDGED = new Acknowledged();
    }

    private record Acknowledged() implements Outcome {}

    private record Refused(String reason) implements Outcome {}

    private record Retry() implements Outcome {}

    private static Outcome outcome(Future<RecordMetadata> send) throws InterruptedException {
        try {
            send.get(60, TimeUnit.SECONDS);
            return Outcome.ACKNOWLEDGED;
        } catch (ExecutionException e) {
            // Kafka's own split: a RetriableException (broker away, leader moving, timeout) may succeed
            // later; any other (record too large, not authorised, invalid) never will.
            Throwable cause = e.getCause();
            return cause instanceof RetriableException || cause == null
                    ? new Retry()
                    : new Refused(cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (TimeoutException e) {
            return new Retry();
        }
    }

    private static void park(Connection connection, Map<OutboxRow, String> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement park = connection.prepareStatement(
                        "INSERT INTO lanes_outbox_parked (position, "
                                + "stream_id, reason) VALUES (?, ?, ?) ON CONFLICT (position) DO UPDATE SET reason = "
                                + "EXCLUDED.reason, attempts = lanes_outbox_parked.attempts + 1, parked_at = clock_timestamp()");
                PreparedStatement delete = connection.prepareStatement("DELETE FROM lanes_outbox WHERE position = ?")) {
            for (Map.Entry<OutboxRow, String> row : rows.entrySet()) {
                park.setLong(1, row.getKey().position());
                park.setString(2, row.getKey().streamId());
                park.setString(3, row.getValue());
                park.addBatch();
                delete.setLong(1, row.getKey().position());
                delete.addBatch();
            }
            park.executeBatch();
            delete.executeBatch();
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

    /**
     * Counts the backlog for the gauges; pending and lag count only what can go out (events behind a
     * parked one wait for an admin). The count reads the whole outbox, so while a backlog drains it
     * runs once per {@link #BACKLOG_RECOUNT}, not once per batch (which made a drain quadratic: 45 ms a
     * batch at 20,000 events), and again when a round finds the outbox drained.
     */
    private void refreshBacklog(Connection connection) throws SQLException {
        backlogCountedAt = clock.instant();
        try (Statement count = connection.createStatement();
                ResultSet rs = count.executeQuery("SELECT count(*) FILTER (WHERE " + NOT_BEHIND_PARKED + "), "
                        + "min(e.recorded_at) FILTER (WHERE " + NOT_BEHIND_PARKED + "), "
                        + "count(*) FILTER (WHERE NOT " + NOT_BEHIND_PARKED + "), "
                        + "(SELECT count(*) FROM lanes_outbox_parked) FROM lanes_outbox o "
                        + "JOIN lanes_event e ON e.position = o.position")) {
            rs.next();
            pending.set(rs.getLong(1));
            oldestPending.set(
                    rs.getTimestamp(2) == null ? null : rs.getTimestamp(2).toInstant());
            waitingBehindParked.set(rs.getLong(3));
            parked.set(rs.getLong(4));
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

    /** A round's sorting of its batch; {@code waiting} rows stay in the outbox for the next round. */
    private record Round(List<Long> acknowledged, Map<OutboxRow, String> parked, int waiting) {}

    private record OutboxRow(
            long position,
            String streamId,
            long version,
            UUID eventId,
            String ceType,
            String data,
            Instant occurredAt,
            String traceparent) {}
}
