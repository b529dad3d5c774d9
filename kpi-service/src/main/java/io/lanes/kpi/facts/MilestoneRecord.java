package io.lanes.kpi.facts;

import java.time.LocalDate;
import java.util.UUID;

/** One milestone as the facts leave it: its current due date and what happened to it. */
public record MilestoneRecord(
        UUID matterId,
        UUID milestoneId,
        String templateKey,
        boolean hardDeadline,
        LocalDate dueDate,
        Boolean completedOnTime,
        boolean slipped,
        boolean deadlineMissed) {

    public boolean completed() {
        return completedOnTime != null;
    }
}
