package io.lanes.subscription.domain;

import io.lanes.contracts.EventType;
import io.lanes.contracts.Topic;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The event types a webhook can subscribe to: those the contract publishes on
 * {@code lanes.escalations.v1} for PM tools. A subscription names them by event name
 * ({@code milestone-slipped}) or by full {@code ce_type} ({@code io.lanes.milestone-slipped.v1}).
 */
public final class EscalationTypes {

    public static final List<EventType> ALL = Arrays.stream(EventType.values())
            .filter(type -> type.topics().contains(Topic.ESCALATIONS))
            .toList();

    private EscalationTypes() {}

    /** The type a subscription's name stands for, if it is one of {@link #ALL}. */
    public static Optional<EventType> named(String name) {
        return ALL.stream()
                .filter(type -> type.eventName().equals(name) || type.ceType().equals(name))
                .findFirst();
    }

    public static boolean isEscalation(EventType type) {
        return ALL.contains(type);
    }
}
