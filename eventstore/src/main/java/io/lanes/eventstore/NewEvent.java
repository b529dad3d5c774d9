package io.lanes.eventstore;

import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event to append. Contract events (a {@code ce_type} of {@link EventType}) are relayed to Kafka;
 * a service's internal events (e.g. a playbook draft edited) are stored with a {@code ce_type} of
 * their own and never leave the service.
 */
public record NewEvent(UUID eventId, String ceType, String data, Instant occurredAt, EventMetadata metadata) {

    public NewEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(ceType, "ceType");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(occurredAt, "occurredAt");
        metadata = metadata == null ? new EventMetadata(null, null, null) : metadata;
    }

    /** A contract event with a fresh id. */
    public static NewEvent of(LanesEvent event, EventMetadata metadata) {
        return of(UUID.randomUUID(), event, metadata);
    }

    /** A contract event with a chosen id, e.g. derived from the message that caused it, so a retry is a no-op. */
    public static NewEvent of(UUID eventId, LanesEvent event, EventMetadata metadata) {
        return new NewEvent(
                eventId,
                EventType.of(event).ceType(),
                new String(EventJson.write(event), StandardCharsets.UTF_8),
                event.occurredAt(),
                metadata);
    }

    public boolean isContractEvent() {
        return EventType.fromCeType(ceType).isPresent();
    }
}
