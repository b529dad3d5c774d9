package io.lanes.kpi.diagnosis;

import java.util.UUID;

/** One matter's PM failures in a period: milestone slips, overdue tasks, budget escalations. */
public record MatterFailures(UUID matterId, long slips, long overdueTasks, long budgetEscalations) {

    public long total() {
        return slips + overdueTasks + budgetEscalations;
    }
}
