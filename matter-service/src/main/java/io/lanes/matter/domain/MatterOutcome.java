package io.lanes.matter.domain;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.VarianceLevel;
import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What one matter's history came to under one playbook, as of a day: the warnings Lanes gave (slips,
 * missed deadlines, budget alerts, escalations and who got them) and the results the KPIs count
 * (milestones against their baseline, tasks against their due dates, status updates on time).
 *
 * @param budgetAlerts the first day each budget line reached each level
 * @param refused recorded commands the playbook refused on replay (e.g. completing a milestone it does not plan)
 */
public record MatterOutcome(
        UUID matterId,
        String matterNumber,
        int playbookVersion,
        Map<UUID, MilestoneOutcome> milestones,
        Map<BudgetAlert, LocalDate> budgetAlerts,
        Map<UUID, EscalationOutcome> escalations,
        int tasksDue,
        int tasksOverdue,
        int statusUpdates,
        int statusUpdatesOnTime,
        int refused) {

    public MatterOutcome {
        milestones = Map.copyOf(milestones);
        budgetAlerts = Map.copyOf(budgetAlerts);
        escalations = Map.copyOf(escalations);
    }

    /** A milestone as planned first and last, and what became of it. */
    public record MilestoneOutcome(
            UUID id,
            String name,
            String templateKey,
            LocalDate baselineDueDate,
            LocalDate dueDate,
            boolean hardDeadline,
            LocalDate completedOn,
            LocalDate slippedOn,
            boolean deadlineMissed) {

        public boolean slipped() {
            return slippedOn != null;
        }

        /** Completed on or before the date first planned, as the on-time milestone KPI counts. */
        public boolean onTime() {
            return completedOn != null && !completedOn.isAfter(baselineDueDate);
        }

        /** Whether the on-time KPI counts it by {@code through}: due by then and completed or slipped. */
        public boolean judged(LocalDate through) {
            return !baselineDueDate.isAfter(through) && (completedOn != null || slipped());
        }
    }

    /** A budget line reaching a level of the playbook's thresholds. */
    public record BudgetAlert(String phase, VarianceLevel level) {}

    /** An escalation as raised, and who answered it last. */
    public record EscalationOutcome(
            UUID id, EscalationCause cause, String relatedId, LocalDate raisedOn, String assignedTo, int level) {}

    /**
     * Whether the same warnings were given: the same slips, missed deadlines, budget alerts (on the same
     * days) and escalations (to the same people). What a replay under the recorded version must reproduce.
     */
    public boolean sameWarnings(MatterOutcome other) {
        return budgetAlerts.equals(other.budgetAlerts)
                && escalations.keySet().equals(other.escalations.keySet())
                && escalations.values().stream()
                        .allMatch(e -> Objects.equals(
                                e.assignedTo(), other.escalations.get(e.id()).assignedTo()))
                && milestones.values().stream().allMatch(m -> {
                    MilestoneOutcome o = other.milestones.get(m.id());
                    return o != null && m.slipped() == o.slipped() && m.deadlineMissed() == o.deadlineMissed();
                });
    }
}
