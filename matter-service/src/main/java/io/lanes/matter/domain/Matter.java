package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.RejectionReason;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A matter as its events left it. {@link MatterDecider#evolve} works on a copy, so a state once
 * folded never changes.
 */
public final class Matter {

    UUID id;
    MatterStatus status = MatterStatus.NONE;
    IntakeComplete packet;
    String acceptedBy;
    LocalDate openedOn;
    LocalDate plannedCloseDate;
    LocalDate closedOn;
    String outcome;
    int playbookVersion;
    final Map<UUID, Milestone> milestones = new LinkedHashMap<>();
    final Map<UUID, Task> tasks = new LinkedHashMap<>();
    final Map<String, PhaseBudget> budget = new LinkedHashMap<>();
    final Map<UUID, Escalation> escalations = new LinkedHashMap<>();
    LocalDate lastStatusUpdateOn;
    LocalDate overdueReportedFor;
    List<RejectionReason> rejection = List.of();

    Matter copy() {
        Matter c = new Matter();
        c.id = id;
        c.status = status;
        c.packet = packet;
        c.acceptedBy = acceptedBy;
        c.openedOn = openedOn;
        c.plannedCloseDate = plannedCloseDate;
        c.closedOn = closedOn;
        c.outcome = outcome;
        c.playbookVersion = playbookVersion;
        c.milestones.putAll(milestones);
        c.tasks.putAll(tasks);
        c.budget.putAll(budget);
        c.escalations.putAll(escalations);
        c.lastStatusUpdateOn = lastStatusUpdateOn;
        c.overdueReportedFor = overdueReportedFor;
        c.rejection = rejection;
        return c;
    }

    public UUID id() {
        return id;
    }

    public MatterStatus status() {
        return status;
    }

    public IntakeComplete packet() {
        return packet;
    }

    public String acceptedBy() {
        return acceptedBy;
    }

    public LocalDate openedOn() {
        return openedOn;
    }

    public LocalDate plannedCloseDate() {
        return plannedCloseDate;
    }

    public LocalDate closedOn() {
        return closedOn;
    }

    public String outcome() {
        return outcome;
    }

    public int playbookVersion() {
        return playbookVersion;
    }

    public List<Milestone> milestoneList() {
        return List.copyOf(milestones.values());
    }

    public List<Task> taskList() {
        return List.copyOf(tasks.values());
    }

    public List<PhaseBudget> budgetList() {
        return List.copyOf(budget.values());
    }

    public List<Escalation> escalationList() {
        return List.copyOf(escalations.values());
    }

    public LocalDate lastStatusUpdateOn() {
        return lastStatusUpdateOn;
    }

    public List<RejectionReason> rejection() {
        return rejection;
    }

    /** The date the next status update is due by, under a cadence of {@code cadenceDays}. */
    public LocalDate nextStatusUpdateDue(int cadenceDays) {
        LocalDate from = lastStatusUpdateOn != null ? lastStatusUpdateOn : openedOn;
        return from == null ? null : from.plusDays(cadenceDays);
    }
}
