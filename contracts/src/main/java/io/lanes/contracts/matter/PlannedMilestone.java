package io.lanes.contracts.matter;

import java.time.LocalDate;
import java.util.UUID;

/** A milestone of the plan instantiated at acceptance; {@code templateKey} is absent for key-date milestones. */
public record PlannedMilestone(
        UUID milestoneId,
        String templateKey,
        String name,
        LocalDate dueDate,
        String owner,
        String phase,
        boolean hardDeadline) {}
