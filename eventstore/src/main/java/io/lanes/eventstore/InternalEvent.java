package io.lanes.eventstore;

import java.time.Instant;

/** An event that stays inside its service (never relayed); every event says when it occurred. */
public interface InternalEvent {

    Instant occurredAt();
}
