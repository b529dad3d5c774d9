package io.lanes.eventstore.aggregate;

import io.lanes.eventstore.AppendResult;
import io.lanes.eventstore.EventCodec;
import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.NewEvent;
import io.lanes.eventstore.StoredEvent;
import io.lanes.platform.domain.DomainException;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Loads an aggregate by folding its stream, and runs commands through its {@link Decider}: decide on
 * the loaded state and append at the loaded version, in the caller's transaction, so a service can
 * update its read model in the same one and choose how to answer a lost race.
 *
 * @param <C> commands
 * @param <S> state
 * @param <E> events, read and written by the stream's {@link EventCodec}
 */
public class AggregateRepository<C, S, E> {

    private final EventStore store;
    private final Decider<C, S, E> decider;
    private final String streamType;
    private final EventCodec<E> codec;

    public AggregateRepository(EventStore store, Decider<C, S, E> decider, String streamType, EventCodec<E> codec) {
        this.store = store;
        this.decider = decider;
        this.streamType = streamType;
        this.codec = codec;
    }

    /** The current state and version; the initial state at version 0 for a stream with no events. */
    public Uni<Versioned<S>> load(String streamId) {
        return store.load(streamId).map(this::fold);
    }

    /** Decides on {@code current} and appends at its version, in the caller's transaction; the new state. */
    public Uni<Versioned<S>> decideAndAppend(String streamId, Versioned<S> current, C command, EventMetadata metadata) {
        List<E> events = decider.decide(command, current.state());
        if (events.isEmpty()) {
            return Uni.createFrom().item(current);
        }
        S next = current.state();
        for (E event : events) {
            next = decider.evolve(next, event);
        }
        S after = next;
        List<NewEvent> batch =
                events.stream().map(e -> codec.toNew(e, metadata)).collect(Collectors.toList());
        return store.append(streamId, streamType, current.version(), batch)
                .map((AppendResult result) -> new Versioned<>(after, result.version()));
    }

    /**
     * Decides each command in turn on the state the ones before it left, and appends the events of all
     * at the loaded version in one append, in the caller's transaction. A command the decider refuses
     * (a {@link DomainException}) adds nothing and the next is decided as if it had not been sent, so
     * one bad line of an import does not stop the good ones.
     */
    public Uni<Batch<S>> decideEachAndAppend(
            String streamId, Versioned<S> current, List<C> commands, EventMetadata metadata) {
        List<E> events = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        S next = current.state();
        for (C command : commands) {
            List<E> decided;
            try {
                decided = decider.decide(command, next);
            } catch (DomainException refused) {
                outcomes.add(Outcome.refused(refused));
                continue;
            }
            for (E event : decided) {
                next = decider.evolve(next, event);
            }
            events.addAll(decided);
            outcomes.add(new Outcome(decided.size(), null));
        }
        if (events.isEmpty()) {
            return Uni.createFrom().item(new Batch<>(current, outcomes));
        }
        S after = next;
        List<NewEvent> batch =
                events.stream().map(e -> codec.toNew(e, metadata)).collect(Collectors.toList());
        return store.append(streamId, streamType, current.version(), batch)
                .map((AppendResult result) -> new Batch<>(new Versioned<>(after, result.version()), outcomes));
    }

    /** The state after a batch of commands, and what became of each, in the order sent. */
    public record Batch<S>(Versioned<S> after, List<Outcome> outcomes) {}

    /** One command of a batch: the number of events it added (0: it changed nothing), or why it was refused. */
    public record Outcome(int events, DomainException refusal) {

        static Outcome refused(DomainException refusal) {
            return new Outcome(0, refusal);
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    public Versioned<S> fold(List<StoredEvent> stored) {
        List<E> events = stored.stream().map(codec::read).collect(Collectors.toList());
        long version = stored.isEmpty() ? 0 : stored.get(stored.size() - 1).version();
        return new Versioned<>(decider.fold(events), version);
    }
}
