package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A PM sent the handoff back to intake with reasons. */
public record HandoffRejected(
        UUID matterId, UUID intakeId, String rejectedBy, List<RejectionReason> reasons, Instant occurredAt)
        implements MatterEvent {}
