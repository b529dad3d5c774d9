package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.util.UUID;

/**
 * The whole handoff packet, kept in the matter's stream (the contract's {@code handoff-received}
 * carries only its headline), so accepting it needs nothing from intake-service.
 */
public record HandoffPacketReceived(UUID matterId, IntakeComplete packet, Instant occurredAt) implements InternalEvent {

    public static final InternalEventTypes<HandoffPacketReceived> TYPES = new InternalEventTypes<
                    HandoffPacketReceived>()
            .with("io.lanes.matter.handoff-packet-received.v1", HandoffPacketReceived.class);
}
