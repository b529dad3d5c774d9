package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/**
 * An ethical screen walls {@code user} off the matter: from now on they may not see it, its scorecard
 * or its escalations, whatever their role or teams. Consumers that show matters to people honour it.
 */
public record EthicalScreenAdded(UUID matterId, String user, String reason, String screenedBy, Instant occurredAt)
        implements MatterEvent {}
