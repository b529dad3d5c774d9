package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A hard-deadline milestone passed its due date incomplete. */
public record DeadlineMissed(UUID matterId, UUID milestoneId, String name, LocalDate dueDate, Instant occurredAt)
        implements MatterEvent {}
