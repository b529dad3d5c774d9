package io.lanes.eventstore;

import io.lanes.contracts.LanesEvent;

/**
 * How one kind of stream turns its events into rows and back: contract events by their
 * {@code EventType}, a service's internal events by its {@link InternalEventTypes}, or both.
 *
 * @param <E> the events of the stream
 */
public interface EventCodec<E> {

    /** Streams of contract events only. */
    EventCodec<LanesEvent> CONTRACT = new EventCodec<>() {
        @Override
        public NewEvent toNew(LanesEvent event, EventMetadata metadata) {
            return NewEvent.of(event, metadata);
        }

        @Override
        public LanesEvent read(StoredEvent stored) {
            return stored.event();
        }
    };

    NewEvent toNew(E event, EventMetadata metadata);

    E read(StoredEvent stored);
}
