package io.lanes.intake.domain;

import io.lanes.contracts.matter.RejectionReason;
import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Events of an intake that stay inside intake-service. Submissions are contract events
 * ({@code intake-complete}, {@code intake-incomplete}) in the same stream.
 */
public sealed interface IntakeInternalEvent extends InternalEvent {

    InternalEventTypes<IntakeInternalEvent> TYPES = new InternalEventTypes<IntakeInternalEvent>()
            .with("io.lanes.intake.intake-created.v1", IntakeCreated.class)
            .with("io.lanes.intake.intake-edited.v1", IntakeEdited.class)
            .with("io.lanes.intake.intake-returned.v1", IntakeReturned.class);

    /** Intake staff started capturing a matter. */
    record IntakeCreated(UUID intakeId, IntakeData data, String createdBy, Instant occurredAt)
            implements IntakeInternalEvent {}

    /** Intake staff changed what was captured; {@code data} is the whole result. */
    record IntakeEdited(UUID intakeId, IntakeData data, String editedBy, Instant occurredAt)
            implements IntakeInternalEvent {}

    /** The PM rejected the handoff of this intake with reasons (from {@code handoff-rejected}). */
    record IntakeReturned(
            UUID intakeId, UUID matterId, List<RejectionReason> reasons, String rejectedBy, Instant occurredAt)
            implements IntakeInternalEvent {}
}
