package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone was completed; {@code onTime} is {@code completedOn <= dueDate}. */
public record MilestoneCompleted(
        UUID matterId,
        UUID milestoneId,
        LocalDate dueDate,
        LocalDate completedOn,
        boolean onTime,
        boolean hardDeadline,
        Instant occurredAt)
        implements MatterEvent {}
