package io.lanes.eventstore;

import io.lanes.contracts.EventJson;
import io.lanes.platform.tracing.Traceparent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * The service's PostgreSQL event store. An event larger than {@code lanes.eventstore.max-event-bytes}
 * (default 1,000,000, under Kafka's 1 MB record limit) is refused before anything is written: stored,
 * it could never be published. Every method runs in the caller's reactive transaction
 * ({@code Panache.withTransaction}), so events, read-model changes and outbox rows commit together.
 * {@code UNIQUE(stream_id, version)} makes concurrent writers of one stream lose with
 * {@link ConcurrencyConflict}; {@code UNIQUE(event_id)} makes a retried append a no-op.
 */
@ApplicationScoped
@Startup
public class EventStore {

    /** The NOTIFY channel (a trigger on lanes_outbox) that wakes the relay when contract events commit. */
    public static final String OUTBOX_CHANNEL = "lanes_outbox";

    private static final String COLUMNS = "position, stream_id, stream_type, version, event_id, ce_type, "
            + "CAST(data AS text), occurred_at, recorded_at";
    private static final long MAX_VERSION = Integer.MAX_VALUE;

    /**
     * An append as one statement (see {@link #insertAll}); the data and metadata travel as text and are
     * cast to jsonb here, since the client would bind a String to jsonb as a JSON string scalar.
     */
    private static final String APPEND = "WITH state AS ("
            + "SELECT COALESCE((SELECT max(version) FROM lanes_event WHERE stream_id = $1), 0) AS version, "
            + "(SELECT count(*) FROM lanes_event WHERE event_id = ANY($4::uuid[])) AS stored), "
            + "fresh AS (SELECT * FROM unnest($4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], "
            + "$9::boolean[]) WITH ORDINALITY AS f(event_id, ce_type, data, metadata, occurred_at, relayed, ord)), "
            + "e AS (INSERT INTO lanes_event (stream_id, stream_type, version, event_id, ce_type, data, metadata, "
            + "occurred_at) SELECT $1, $2, CAST($3 AS bigint) + fresh.ord, fresh.event_id, fresh.ce_type, "
            + "CAST(fresh.data AS jsonb), CAST(fresh.metadata AS jsonb), fresh.occurred_at FROM fresh, state "
            + "WHERE state.version = CAST($3 AS bigint) AND state.stored = 0 ORDER BY fresh.ord "
            + "RETURNING position, event_id, version, recorded_at), "
            + "o AS (INSERT INTO lanes_outbox (position) SELECT e.position FROM e JOIN fresh USING (event_id) "
            + "WHERE fresh.relayed) "
            + "SELECT state.version, state.stored, e.position, e.event_id, e.version, e.recorded_at "
            + "FROM state LEFT JOIN e ON true ORDER BY e.version";

    private final Counter appended;
    private final int maxEventBytes;
    private final Tracer tracer;

    public EventStore(
            MeterRegistry registry,
            Tracer tracer,
            @ConfigProperty(name = "lanes.eventstore.max-event-bytes", defaultValue = "1000000") int maxEventBytes) {
        this.maxEventBytes = maxEventBytes;
        this.tracer = tracer;
        this.appended = Counter.builder("lanes.events.appended")
                .description("Events appended to the event store")
                .register(registry);
    }

    /**
     * Appends {@code events} to a stream that must be at {@code expectedVersion} (0: a new stream).
     * An append whose event ids are all stored already returns the stored result and writes nothing.
     * Each event's metadata keeps the trace context of the append (a span of the work at hand: a request,
     * a consumed event), which the relay sends on as {@code ce_traceparent}.
     */
    public Uni<AppendResult> append(String streamId, String streamType, long expectedVersion, List<NewEvent> events) {
        requireStream(streamId);
        Objects.requireNonNull(streamType, "streamType");
        if (expectedVersion < 0 || expectedVersion > MAX_VERSION) {
            throw new IllegalArgumentException(
                    "expected version must be 0.." + MAX_VERSION + ", was " + expectedVersion);
        }
        if (events == null || events.isEmpty()) {
            throw new IllegalArgumentException("nothing to append to " + streamId);
        }
        if (events.stream().map(NewEvent::eventId).distinct().count() != events.size()) {
            throw new IllegalArgumentException("the same event id twice in one append to " + streamId);
        }
        for (NewEvent event : events) {
            // UTF-8 takes at most 3 bytes per Java char, so only data near the limit is encoded to measure it.
            if ((long) event.data().length() * 3 > maxEventBytes) {
                int bytes = event.data().getBytes(StandardCharsets.UTF_8).length;
                if (bytes > maxEventBytes) {
                    throw new EventTooLarge(streamId, event.ceType(), bytes, maxEventBytes);
                }
            }
        }
        List<UUID> ids = events.stream().map(NewEvent::eventId).collect(Collectors.toList());
        Span span = appendSpan(streamId, streamType, events);
        String traceparent = Traceparent.of(span.getSpanContext());
        return Panache.getSession()
                .chain(session -> insertAll(session, streamId, streamType, expectedVersion, events, traceparent)
                        .chain(rows -> {
                            Object[] state = rows.get(0);
                            long version = ((Number) state[0]).longValue();
                            if (state[2] != null) {
                                appended.increment(events.size());
                                return Uni.createFrom()
                                        .item(appendResult(streamId, streamType, expectedVersion, events, rows));
                            }
                            if (((Number) state[1]).longValue() == 0) {
                                return Uni.createFrom()
                                        .failure(new ConcurrencyConflict(streamId, expectedVersion, version));
                            }
                            return storedWithIds(session, ids).map(stored -> {
                                if (stored.size() != events.size()) {
                                    throw new ConcurrencyConflict(streamId, expectedVersion, version);
                                }
                                return replayed(streamId, events, stored);
                            });
                        }))
                .onFailure(EventStore::isStreamVersionTaken)
                .transform(e -> new ConcurrencyConflict(streamId, expectedVersion, -1))
                .onTermination()
                .invoke((result, failure, cancelled) -> {
                    if (failure != null) {
                        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
                    }
                    span.end();
                });
    }

    /**
     * The append as a span of the work at hand (a request, a consumed event, a scheduled pass), whose
     * context the events keep; outside any trace none is started, so no trace begins with an append.
     */
    private Span appendSpan(String streamId, String streamType, List<NewEvent> events) {
        if (!Span.current().getSpanContext().isValid()) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder("append " + streamType)
                .setAttribute("lanes.stream_id", streamId)
                .setAttribute(
                        "cloudevents.event_type",
                        events.stream().map(NewEvent::ceType).distinct().collect(Collectors.joining(",")))
                .setAttribute("lanes.events", (long) events.size())
                .startSpan();
    }

    /** The whole stream, oldest first; empty for an unknown stream. */
    public Uni<List<StoredEvent>> load(String streamId) {
        return load(streamId, MAX_VERSION);
    }

    /** The stream up to and including {@code version}: the state as it was at that version. */
    public Uni<List<StoredEvent>> load(String streamId, long version) {
        requireStream(streamId);
        if (version < 1 || version > MAX_VERSION) {
            throw new IllegalArgumentException("version must be 1.." + MAX_VERSION + ", was " + version);
        }
        return select(
                "SELECT " + COLUMNS + " FROM lanes_event WHERE stream_id = $1 AND version <= $2 ORDER BY version",
                streamId,
                version);
    }

    /** The stream as it stood at {@code asOf}: the events that had occurred by then. */
    public Uni<List<StoredEvent>> loadAsOf(String streamId, Instant asOf) {
        requireStream(streamId);
        Objects.requireNonNull(asOf, "asOf");
        return select(
                "SELECT " + COLUMNS + " FROM lanes_event WHERE stream_id = $1 AND occurred_at <= $2 ORDER BY version",
                streamId,
                OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC));
    }

    /**
     * Every event of every stream of one type, stream by stream in version order: for services whose
     * aggregates are few and small enough to fold on read (playbooks, improvement flags).
     */
    public Uni<List<StoredEvent>> loadAllOfType(String streamType) {
        Objects.requireNonNull(streamType, "streamType");
        return select(
                "SELECT " + COLUMNS + " FROM lanes_event WHERE stream_type = $1 ORDER BY stream_id, version",
                streamType);
    }

    /** Up to {@code limit} events after a global position, for catch-up readers. */
    public Uni<List<StoredEvent>> readAfter(long position, int limit) {
        if (position < 0 || limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("position must be >= 0 and limit 1..10000");
        }
        return select(
                "SELECT " + COLUMNS + " FROM lanes_event WHERE position > $1 ORDER BY position LIMIT $2",
                position,
                (long) limit);
    }

    /** The stream's current version; 0 for an unknown stream. */
    public Uni<Long> version(String streamId) {
        requireStream(streamId);
        return SessionConnection.select(
                        "SELECT COALESCE(max(version), 0) FROM lanes_event WHERE stream_id = $1", streamId)
                .map(rows -> ((Number) rows.get(0)[0]).longValue());
    }

    /**
     * The whole append in one round trip: the stream's version and how many of the event ids are stored
     * already, and, only if the version is the expected one and none is stored, the event rows and, for
     * contract events, their outbox rows. The first row always carries the version and the count; the
     * inserted events (none when nothing was written) follow in version order.
     */
    private static Uni<List<Object[]>> insertAll(
            Mutiny.Session session,
            String streamId,
            String streamType,
            long expectedVersion,
            List<NewEvent> events,
            String traceparent) {
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] ceTypes = new String[n];
        String[] data = new String[n];
        String[] metadata = new String[n];
        OffsetDateTime[] occurredAt = new OffsetDateTime[n];
        Boolean[] relayed = new Boolean[n];
        for (int i = 0; i < n; i++) {
            NewEvent event = events.get(i);
            ids[i] = event.eventId();
            ceTypes[i] = event.ceType();
            data[i] = event.data();
            metadata[i] = metadataJson(event.metadata(), traceparent);
            occurredAt[i] = OffsetDateTime.ofInstant(event.occurredAt(), ZoneOffset.UTC);
            relayed[i] = event.isContractEvent();
        }
        return SessionConnection.select(
                session,
                APPEND,
                streamId,
                streamType,
                expectedVersion,
                ids,
                ceTypes,
                data,
                metadata,
                occurredAt,
                relayed);
    }

    private static AppendResult appendResult(
            String streamId, String streamType, long expectedVersion, List<NewEvent> events, List<Object[]> rows) {
        Map<UUID, Object[]> written = new HashMap<>();
        for (Object[] row : rows) {
            written.put((UUID) row[3], row);
        }
        List<StoredEvent> stored = new ArrayList<>(events.size());
        for (NewEvent event : events) {
            Object[] row = written.get(event.eventId());
            stored.add(new StoredEvent(
                    ((Number) row[2]).longValue(),
                    streamId,
                    streamType,
                    ((Number) row[4]).longValue(),
                    event.eventId(),
                    event.ceType(),
                    event.data(),
                    event.occurredAt(),
                    instant(row[5])));
        }
        return new AppendResult(streamId, expectedVersion + events.size(), List.copyOf(stored), false);
    }

    private static Uni<List<StoredEvent>> storedWithIds(Mutiny.Session session, List<UUID> ids) {
        return SessionConnection.select(
                        session,
                        "SELECT " + COLUMNS + " FROM lanes_event WHERE event_id = ANY($1::uuid[]) ORDER BY position",
                        (Object) ids.toArray(UUID[]::new))
                .map(EventStore::rows);
    }

    private static AppendResult replayed(String streamId, List<NewEvent> events, List<StoredEvent> stored) {
        Set<String> streams = stored.stream().map(StoredEvent::streamId).collect(Collectors.toSet());
        if (!streams.equals(Set.of(streamId))) {
            throw new IllegalArgumentException(
                    "event ids " + events.stream().map(NewEvent::eventId).collect(Collectors.toList())
                            + " are stored in another stream: " + streams);
        }
        long version = stored.stream().mapToLong(StoredEvent::version).max().orElseThrow();
        return new AppendResult(streamId, version, stored, true);
    }

    private static Uni<List<StoredEvent>> select(String sql, Object... parameters) {
        return SessionConnection.select(sql, parameters).map(EventStore::rows);
    }

    private static List<StoredEvent> rows(List<Object[]> rows) {
        List<StoredEvent> events = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            events.add(new StoredEvent(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    ((Number) r[3]).longValue(),
                    (UUID) r[4],
                    (String) r[5],
                    (String) r[6],
                    instant(r[7]),
                    instant(r[8])));
        }
        return events;
    }

    static Instant instant(Object value) {
        if (value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime) {
            return ((OffsetDateTime) value).toInstant();
        }
        if (value instanceof Timestamp) {
            return ((Timestamp) value).toInstant();
        }
        if (value instanceof LocalDateTime) {
            return ((LocalDateTime) value).toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }

    private static String metadataJson(EventMetadata metadata, String traceparent) {
        Map<String, Object> fields = new HashMap<>();
        if (traceparent != null) {
            fields.put("traceparent", traceparent);
        }
        if (metadata.correlationId() != null) {
            fields.put("correlationId", metadata.correlationId().toString());
        }
        if (metadata.causationId() != null) {
            fields.put("causationId", metadata.causationId().toString());
        }
        if (metadata.actor() != null) {
            fields.put("actor", metadata.actor());
        }
        try {
            return EventJson.mapper().writeValueAsString(fields);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireStream(String streamId) {
        if (streamId == null || streamId.isBlank() || streamId.length() > 200) {
            throw new IllegalArgumentException("stream id must be 1..200 characters");
        }
    }

    /** Another writer took the version between our check and our insert. */
    private static boolean isStreamVersionTaken(Throwable failure) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("lanes_event_stream_version")) {
                return true;
            }
        }
        return false;
    }
}
