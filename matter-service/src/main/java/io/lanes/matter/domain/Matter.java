package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.RejectionReason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * A matter as its events left it. Immutable: {@link MatterDecider#evolve} returns a new state built
 * with the {@code with…} methods, so a state once folded never changes.
 *
 * @param overdueReportedFor the status-update due date detection last escalated, so it does so once
 * @param number the human matter number given at acceptance (null before, and on older matters)
 * @param externalIds the matter's ids in other systems, by system (e.g. billing)
 * @param timeEntries the ids of the time entries recorded, so an entry imported twice is recorded once
 * @param screenedUsers the users an ethical screen walls off this matter
 */
public record Matter(
        UUID id,
        MatterStatus status,
        IntakeComplete packet,
        List<RejectionReason> rejection,
        String acceptedBy,
        LocalDate openedOn,
        LocalDate plannedCloseDate,
        int playbookVersion,
        LocalDate closedOn,
        String outcome,
        Map<UUID, Milestone> milestones,
        Map<UUID, Task> tasks,
        Map<String, PhaseBudget> budget,
        Map<UUID, Escalation> escalations,
        LocalDate lastStatusUpdateOn,
        LocalDate overdueReportedFor,
        String number,
        Map<String, String> externalIds,
        Set<UUID> timeEntries,
        Set<String> screenedUsers) {

    public static final Matter NONE = new Matter(
            null,
            MatterStatus.NONE,
            null,
            List.of(),
            null,
            null,
            null,
            0,
            null,
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            Map.of(),
            null,
            null,
            null,
            Map.of(),
            Set.of(),
            Set.of());

    public Matter {
        rejection = List.copyOf(rejection);
        milestones = FrozenMap.of(milestones);
        tasks = FrozenMap.of(tasks);
        budget = FrozenMap.of(budget);
        escalations = FrozenMap.of(escalations);
        externalIds = Collections.unmodifiableMap(new TreeMap<>(externalIds));
        timeEntries = FrozenSet.of(timeEntries);
        screenedUsers = Collections.unmodifiableSet(new TreeSet<>(screenedUsers));
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

    /** The date the next status update is due by, under a cadence of {@code cadenceDays}. */
    public LocalDate nextStatusUpdateDue(int cadenceDays) {
        LocalDate from = lastStatusUpdateOn != null ? lastStatusUpdateOn : openedOn;
        return from == null ? null : from.plusDays(cadenceDays);
    }

    Matter withPendingHandoff(UUID matterId, IntakeComplete newPacket) {
        Change c = change();
        c.id = matterId;
        c.status = MatterStatus.PENDING;
        c.packet = newPacket;
        c.rejection = List.of();
        return c.matter();
    }

    Matter withId(UUID matterId) {
        Change c = change();
        c.id = matterId;
        return c.matter();
    }

    Matter withRejection(List<RejectionReason> reasons) {
        Change c = change();
        c.status = MatterStatus.REJECTED;
        c.rejection = reasons;
        return c.matter();
    }

    Matter withOpened(
            String matterNumber,
            String by,
            LocalDate on,
            LocalDate plannedClose,
            int version,
            Map<UUID, Milestone> plan,
            Map<UUID, Task> planTasks,
            Map<String, PhaseBudget> phases) {
        Change c = change();
        c.status = MatterStatus.OPEN;
        c.number = matterNumber;
        c.acceptedBy = by;
        c.openedOn = on;
        c.plannedCloseDate = plannedClose;
        c.playbookVersion = version;
        c.milestones = plan;
        c.tasks = planTasks;
        c.budget = phases;
        return c.matter();
    }

    Matter withMilestone(Milestone milestone) {
        Change c = change();
        c.milestones = put(milestones, milestone.id(), milestone);
        return c.matter();
    }

    Matter withTask(Task task) {
        Change c = change();
        c.tasks = put(tasks, task.id(), task);
        return c.matter();
    }

    Matter withBudget(PhaseBudget phase) {
        Change c = change();
        c.budget = put(budget, phase.phase(), phase);
        return c.matter();
    }

    Matter withEscalation(Escalation escalation, LocalDate overdueFor) {
        Change c = change();
        c.escalations = put(escalations, escalation.id(), escalation);
        c.overdueReportedFor = overdueFor;
        return c.matter();
    }

    Matter withStatusUpdateOn(LocalDate sentOn) {
        Change c = change();
        c.lastStatusUpdateOn = sentOn;
        return c.matter();
    }

    Matter withExternalId(String system, String externalId) {
        Change c = change();
        c.externalIds = put(externalIds, system, externalId);
        return c.matter();
    }

    Matter withTimeEntry(UUID entryId) {
        Change c = change();
        c.timeEntries = FrozenSet.with(timeEntries, entryId);
        return c.matter();
    }

    Matter withScreen(String user, boolean screened) {
        Change c = change();
        c.screenedUsers = new TreeSet<>(screenedUsers);
        if (screened) {
            c.screenedUsers.add(user);
        } else {
            c.screenedUsers.remove(user);
        }
        return c.matter();
    }

    Matter withClosed(LocalDate on, String closingOutcome) {
        Change c = change();
        c.status = MatterStatus.CLOSED;
        c.closedOn = on;
        c.outcome = closingOutcome;
        return c.matter();
    }

    private Change change() {
        return new Change(this);
    }

    /**
     * A copy of a matter being changed: a with-method sets only what its event changes, and
     * {@link #matter()} builds the new immutable state. So adding a component touches one place.
     */
    private static final class Change {
        private UUID id;
        private MatterStatus status;
        private IntakeComplete packet;
        private List<RejectionReason> rejection;
        private String acceptedBy;
        private LocalDate openedOn;
        private LocalDate plannedCloseDate;
        private int playbookVersion;
        private LocalDate closedOn;
        private String outcome;
        private Map<UUID, Milestone> milestones;
        private Map<UUID, Task> tasks;
        private Map<String, PhaseBudget> budget;
        private Map<UUID, Escalation> escalations;
        private LocalDate lastStatusUpdateOn;
        private LocalDate overdueReportedFor;
        private String number;
        private Map<String, String> externalIds;
        private Set<UUID> timeEntries;
        private Set<String> screenedUsers;

        private Change(Matter m) {
            id = m.id;
            status = m.status;
            packet = m.packet;
            rejection = m.rejection;
            acceptedBy = m.acceptedBy;
            openedOn = m.openedOn;
            plannedCloseDate = m.plannedCloseDate;
            playbookVersion = m.playbookVersion;
            closedOn = m.closedOn;
            outcome = m.outcome;
            milestones = m.milestones;
            tasks = m.tasks;
            budget = m.budget;
            escalations = m.escalations;
            lastStatusUpdateOn = m.lastStatusUpdateOn;
            overdueReportedFor = m.overdueReportedFor;
            number = m.number;
            externalIds = m.externalIds;
            timeEntries = m.timeEntries;
            screenedUsers = m.screenedUsers;
        }

        private Matter matter() {
            return new Matter(
                    id,
                    status,
                    packet,
                    rejection,
                    acceptedBy,
                    openedOn,
                    plannedCloseDate,
                    playbookVersion,
                    closedOn,
                    outcome,
                    milestones,
                    tasks,
                    budget,
                    escalations,
                    lastStatusUpdateOn,
                    overdueReportedFor,
                    number,
                    externalIds,
                    timeEntries,
                    screenedUsers);
        }
    }

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        return FrozenMap.with(map, key, value);
    }
}
