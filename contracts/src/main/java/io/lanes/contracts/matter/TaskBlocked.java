package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** A task cannot go on: its assignee says why, and the escalation it raised is {@code escalationId} (contract 1.1). */
public record TaskBlocked(
        UUID matterId, UUID taskId, String assignee, String reason, UUID escalationId, Instant occurredAt)
        implements MatterEvent {}
