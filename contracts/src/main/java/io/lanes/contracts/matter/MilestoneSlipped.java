package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone passed its due date plus grace without completion; emitted once per due date. */
public record MilestoneSlipped(
        UUID matterId,
        UUID milestoneId,
        String templateKey,
        String name,
        LocalDate dueDate,
        LocalDate detectedOn,
        int daysLate,
        String owner,
        String phase,
        boolean hardDeadline,
        UUID escalationId,
        Instant occurredAt)
        implements MatterEvent {}
