package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** Something needs attention now; {@code relatedId} names what (a milestoneId, a phase, ...). */
public record EscalationRaised(
        UUID matterId,
        UUID escalationId,
        EscalationCause cause,
        Severity severity,
        String relatedId,
        String assignedTo,
        Instant occurredAt)
        implements MatterEvent {}
