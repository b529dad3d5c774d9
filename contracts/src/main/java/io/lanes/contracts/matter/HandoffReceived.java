package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** A complete intake packet arrived and waits for a PM to accept or reject it. */
public record HandoffReceived(
        UUID matterId,
        UUID intakeId,
        int attempt,
        String practiceArea,
        String matterType,
        String team,
        Instant occurredAt)
        implements MatterEvent {}
