package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone was added to a live matter's plan. */
public record MilestonePlanned(
        UUID matterId,
        UUID milestoneId,
        String templateKey,
        String name,
        LocalDate dueDate,
        String owner,
        String phase,
        boolean hardDeadline,
        Instant occurredAt)
        implements MatterEvent {}
