package io.lanes.eventstore;

import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import java.time.Instant;
import java.util.UUID;

/** An event as the store holds it, with its place in its stream and in the store. */
public record StoredEvent(
        long position,
        String streamId,
        String streamType,
        long version,
        UUID eventId,
        String ceType,
        String data,
        Instant occurredAt,
        Instant recordedAt) {

    /** The contract event this row holds; fails for a service-internal event type. */
    public LanesEvent event() {
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new IllegalStateException(ceType + " is not a contract event type"));
        return EventJson.read(type, data);
    }
}
