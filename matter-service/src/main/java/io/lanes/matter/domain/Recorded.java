package io.lanes.matter.domain;

import java.time.Instant;

/** One event of a matter's stream as the store holds it: what happened, and when it was recorded. */
public record Recorded(Object event, Instant occurredAt) {}
