package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A task was done; {@code onTime} is {@code completedOn <= dueDate}. */
public record TaskCompleted(
        UUID matterId,
        UUID taskId,
        String assignee,
        LocalDate dueDate,
        LocalDate completedOn,
        boolean onTime,
        Instant occurredAt)
        implements MatterEvent {}
