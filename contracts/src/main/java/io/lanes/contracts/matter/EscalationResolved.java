package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** An escalation was dealt with. */
public record EscalationResolved(
        UUID matterId,
        UUID escalationId,
        EscalationCause cause,
        Instant raisedAt,
        String resolvedBy,
        String resolution,
        Instant occurredAt)
        implements MatterEvent {}
