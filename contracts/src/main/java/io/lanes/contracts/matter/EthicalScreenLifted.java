package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/** The ethical screen on {@code user} is lifted: their roles and teams decide again what they see. */
public record EthicalScreenLifted(UUID matterId, String user, String reason, String liftedBy, Instant occurredAt)
        implements MatterEvent {}
