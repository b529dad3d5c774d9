package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task was given to an owner, optionally under a milestone. */
public record TaskAssigned(
        UUID matterId,
        UUID taskId,
        UUID milestoneId,
        String title,
        String assignee,
        LocalDate dueDate,
        Instant occurredAt)
        implements MatterEvent {}
