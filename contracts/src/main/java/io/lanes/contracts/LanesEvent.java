package io.lanes.contracts;

import java.time.Instant;

/**
 * An event of the published language (docs/events.md): an immutable, past-tense fact about one aggregate.
 * Each aggregate's events form a sealed interface of records in its own package ({@code IntakeEvent},
 * {@code MatterEvent}, {@code OpsConfigEvent}); this one cannot be sealed across packages outside a
 * named module, and {@link EventType} is the closed catalogue instead.
 */
public interface LanesEvent {

    /** The instant the fact happened; also the CloudEvents {@code ce_time}. */
    Instant occurredAt();

    /** The aggregate id: Kafka key and {@code ce_subject} (intakeId, matterId or matterType). */
    String aggregateId();
}
