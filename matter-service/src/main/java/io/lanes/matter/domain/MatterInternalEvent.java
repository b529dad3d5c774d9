package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.util.UUID;

/** Events of a matter that stay inside matter-service, in the same stream as its contract events. */
public sealed interface MatterInternalEvent extends InternalEvent {

    InternalEventTypes<MatterInternalEvent> TYPES = new InternalEventTypes<MatterInternalEvent>()
            .with("io.lanes.matter.handoff-packet-received.v1", HandoffPacketReceived.class)
            .with("io.lanes.matter.external-id-linked.v1", ExternalIdLinked.class);

    /**
     * The whole handoff packet, kept in the matter's stream (the contract's {@code handoff-received}
     * carries only its headline), so accepting it needs nothing from intake-service.
     */
    record HandoffPacketReceived(UUID matterId, IntakeComplete packet, Instant occurredAt)
            implements MatterInternalEvent {}

    /** The matter is known as {@code externalId} in another system, e.g. billing; replaces an earlier id there. */
    record ExternalIdLinked(UUID matterId, String system, String externalId, String linkedBy, Instant occurredAt)
            implements MatterInternalEvent {}
}
