package io.lanes.eventstore;

import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The stable type names of a service's internal events (those that never leave the service, such as
 * a playbook draft being saved), so they are stored by name and read back without reflection on class
 * names. Each service declares its own catalogue once.
 *
 * <p>A stream may hold both contract events and internal ones (an intake's submissions are contract
 * events, its edits internal): {@link #withContractEvents()} reads and writes both.
 *
 * @param <E> the service's internal event type
 */
public final class InternalEventTypes<E extends InternalEvent> {

    private final Map<String, Class<? extends E>> byName = new HashMap<>();
    private final Map<Class<?>, String> byClass = new HashMap<>();

    /** Registers an event class under a stable name, e.g. {@code io.lanes.ops-config.draft-saved.v1}. */
    public InternalEventTypes<E> with(String ceType, Class<? extends E> type) {
        byName.put(ceType, type);
        byClass.put(type, ceType);
        return this;
    }

    public NewEvent toNew(E event, EventMetadata metadata) {
        String ceType = byClass.get(event.getClass());
        if (ceType == null) {
            throw new IllegalArgumentException(
                    "no type name for " + event.getClass().getSimpleName());
        }
        try {
            return new NewEvent(
                    UUID.randomUUID(),
                    ceType,
                    EventJson.mapper().writeValueAsString(event),
                    event.occurredAt(),
                    metadata);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialize " + ceType, e);
        }
    }

    /** Streams of these internal events only. */
    public EventCodec<E> codec() {
        return new EventCodec<>() {
            @Override
            public NewEvent toNew(E event, EventMetadata metadata) {
                return InternalEventTypes.this.toNew(event, metadata);
            }

            @Override
            public E read(StoredEvent stored) {
                return InternalEventTypes.this.read(stored);
            }
        };
    }

    /** Streams that hold contract events and these internal events. */
    public EventCodec<Object> withContractEvents() {
        return new EventCodec<>() {
            @Override
            @SuppressWarnings("unchecked")
            public NewEvent toNew(Object event, EventMetadata metadata) {
                return event instanceof LanesEvent
                        ? NewEvent.of((LanesEvent) event, metadata)
                        : InternalEventTypes.this.toNew((E) event, metadata);
            }

            @Override
            public Object read(StoredEvent stored) {
                return EventType.fromCeType(stored.ceType()).isPresent()
                        ? stored.event()
                        : InternalEventTypes.this.read(stored);
            }
        };
    }

    public E read(StoredEvent stored) {
        Class<? extends E> type = byName.get(stored.ceType());
        if (type == null) {
            throw new IllegalStateException("unknown internal event type " + stored.ceType());
        }
        try {
            return EventJson.mapper().readValue(stored.data(), type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot read " + stored.ceType() + " at position " + stored.position(), e);
        }
    }
}
