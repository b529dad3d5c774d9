package io.lanes.matter.domain;

import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.matter.domain.MatterOutcome.BudgetAlert;
import io.lanes.matter.domain.MatterOutcome.EscalationOutcome;
import io.lanes.matter.domain.MatterOutcome.MilestoneOutcome;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Notes, event by event, what the matter's state forgets: the day of each slip, missed deadline,
 * budget alert and escalation, and how many status updates went out on time. The state supplies the
 * rest (plans, completions, who holds each escalation) when the outcome is read.
 */
final class OutcomeLedger {

    private final Map<UUID, LocalDate> slippedOn = new HashMap<>();
    private final Set<UUID> missed = new HashSet<>();
    private final Map<BudgetAlert, LocalDate> alerts = new LinkedHashMap<>();
    private final Map<UUID, LocalDate> raisedOn = new HashMap<>();
    private int statusUpdates;
    private int statusUpdatesOnTime;
    private int refused;

    void observe(Object event, LocalDate day) {
        if (event instanceof MilestoneSlipped slipped) {
            slippedOn.putIfAbsent(slipped.milestoneId(), day);
        } else if (event instanceof DeadlineMissed deadline) {
            missed.add(deadline.milestoneId());
        } else if (event instanceof BudgetVariance variance) {
            alerts.putIfAbsent(new BudgetAlert(variance.phase(), variance.level()), day);
        } else if (event instanceof EscalationRaised raised) {
            raisedOn.putIfAbsent(raised.escalationId(), day);
        } else if (event instanceof StatusUpdateSent update) {
            statusUpdates++;
            if (update.onTime()) {
                statusUpdatesOnTime++;
            }
        }
    }

    void refused() {
        refused++;
    }

    /** The outcome of {@code matter}, its last state, with tasks judged as of {@code through}. */
    MatterOutcome outcome(Matter matter, LocalDate through) {
        Map<UUID, MilestoneOutcome> milestones = new LinkedHashMap<>();
        for (Milestone m : matter.milestones().values()) {
            milestones.put(
                    m.id(),
                    new MilestoneOutcome(
                            m.id(),
                            m.name(),
                            m.templateKey(),
                            m.baselineDueDate(),
                            m.dueDate(),
                            m.hardDeadline(),
                            m.completedOn(),
                            slippedOn.get(m.id()),
                            missed.contains(m.id())));
        }
        Map<UUID, EscalationOutcome> escalations = new LinkedHashMap<>();
        for (Escalation e : matter.escalations().values()) {
            escalations.put(
                    e.id(),
                    new EscalationOutcome(
                            e.id(), e.cause(), e.relatedId(), raisedOn.get(e.id()), e.assignedTo(), e.level()));
        }
        int tasksDue = 0;
        int tasksOverdue = 0;
        for (Task task : matter.tasks().values()) {
            if (task.dueDate() != null && !task.dueDate().isAfter(through)) {
                tasksDue++;
                if (task.completedOn() == null || task.completedOn().isAfter(task.dueDate())) {
                    tasksOverdue++;
                }
            }
        }
        return new MatterOutcome(
                matter.id(),
                matter.number(),
                matter.playbookVersion(),
                milestones,
                alerts,
                escalations,
                tasksDue,
                tasksOverdue,
                statusUpdates,
                statusUpdatesOnTime,
                refused);
    }
}
