package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A milestone's due date moved; a later date re-arms slip detection. */
public record MilestoneReplanned(
        UUID matterId,
        UUID milestoneId,
        LocalDate previousDueDate,
        LocalDate dueDate,
        String reason,
        String replannedBy,
        Instant occurredAt)
        implements MatterEvent {}
