package io.lanes.kpi.facts;

import java.time.LocalDate;
import java.util.UUID;

/** One task: when it was due and, if it was completed, whether on time. */
public record TaskRecord(UUID matterId, UUID taskId, LocalDate dueDate, LocalDate completedOn, Boolean onTime) {

    /** Overdue as of {@code asOf}: completed late, or still open on a day after its due date. */
    public boolean overdueAsOf(LocalDate asOf) {
        return onTime != null ? !onTime : dueDate.isBefore(asOf);
    }

    /** Whether its outcome is known as of {@code asOf} (completed, or its due date has passed). */
    public boolean decidedAsOf(LocalDate asOf) {
        return onTime != null || dueDate.isBefore(asOf);
    }
}
