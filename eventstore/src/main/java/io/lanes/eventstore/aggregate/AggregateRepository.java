package io.lanes.eventstore.aggregate;

import io.lanes.contracts.LanesEvent;
import io.lanes.eventstore.AppendResult;
import io.lanes.eventstore.ConcurrencyConflict;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.NewEvent;
import io.lanes.eventstore.StoredEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads an aggregate by folding its stream, and runs commands through its {@link Decider}: load,
 * decide, append at the loaded version, all in one transaction. Without an expected version a lost
 * race is retried on fresh state; with one (a client's {@code If-Match}) it is the caller's conflict.
 */
public class AggregateRepository<C, S, E extends LanesEvent> {

    private static final int ATTEMPTS = 5;

    private final EventStore store;
    private final Decider<C, S, E> decider;
    private final String streamType;
    private final Class<E> eventType;

    public AggregateRepository(EventStore store, Decider<C, S, E> decider, String streamType, Class<E> eventType) {
        this.store = store;
        this.decider = decider;
        this.streamType = streamType;
        this.eventType = eventType;
    }

    /** The current state and version; version 0 for a stream with no events. */
    public Uni<Versioned<S>> load(String streamId) {
        return store.load(streamId).map(this::fold);
    }

    /** The state as it stood at an instant. */
    public Uni<Versioned<S>> loadAsOf(String streamId, Instant asOf) {
        return store.loadAsOf(streamId, asOf).map(this::fold);
    }

    /**
     * Runs a command in its own transaction.
     *
     * @param expectedVersion the version the client last saw, or null to retry lost races on fresh state
     */
    public Uni<AppendResult> handle(String streamId, C command, Long expectedVersion, EventMetadata metadata) {
        Uni<AppendResult> attempt = Panache.withTransaction(() -> decideAndAppend(streamId, command, expectedVersion,
                metadata));
        if (expectedVersion != null) {
            return attempt;
        }
        return attempt.onFailure(ConcurrencyConflict.class).retry().atMost(ATTEMPTS - 1);
    }

    /** The same in the caller's transaction, for work that must commit with other changes. */
    public Uni<AppendResult> decideAndAppend(String streamId, C command, Long expectedVersion, EventMetadata metadata) {
        return load(streamId).chain(current -> {
            if (expectedVersion != null && expectedVersion != current.version()) {
                return Uni.createFrom().failure(new ConcurrencyConflict(streamId, expectedVersion, current.version()));
            }
            List<E> events = decider.decide(command, current.state());
            if (events.isEmpty()) {
                return Uni.createFrom().item(new AppendResult(streamId, current.version(), List.of(), false));
            }
            List<NewEvent> batch = events.stream().map(e -> NewEvent.of(e, metadata)).collect(Collectors.toList());
            return store.append(streamId, streamType, current.version(), batch);
        });
    }

    private Versioned<S> fold(List<StoredEvent> stored) {
        List<E> events = stored.stream().map(StoredEvent::event).map(eventType::cast).collect(Collectors.toList());
        long version = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).version();
        return new Versioned<>(decider.fold(events), version);
    }
}
