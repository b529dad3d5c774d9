package io.lanes.intake.domain;

import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What intake staff, and the PM's rejection, ask of an intake. */
public sealed interface IntakeCommand {

    record CreateIntake(UUID intakeId, IntakeData data, String by, Instant at) implements IntakeCommand {}

    record EditIntake(IntakeData data, String by, Instant at) implements IntakeCommand {}

    /** Submit against the latest playbook of the intake's matter type. */
    record SubmitIntake(PlaybookPublished playbook, String by, Instant at) implements IntakeCommand {}

    record ReturnIntake(UUID matterId, List<RejectionReason> reasons, String by, Instant at) implements IntakeCommand {}
}
