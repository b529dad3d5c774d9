package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.RejectionReason;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
        milestones = Collections.unmodifiableMap(new LinkedHashMap<>(milestones));
        tasks = Collections.unmodifiableMap(new LinkedHashMap<>(tasks));
        budget = Collections.unmodifiableMap(new LinkedHashMap<>(budget));
        escalations = Collections.unmodifiableMap(new LinkedHashMap<>(escalations));
        externalIds = Collections.unmodifiableMap(new TreeMap<>(externalIds));
        timeEntries = Set.copyOf(timeEntries);
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
        return new Matter(
                matterId,
                MatterStatus.PENDING,
                newPacket,
                List.of(),
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

    Matter withId(UUID matterId) {
        return new Matter(
                matterId,
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

    Matter withRejection(List<RejectionReason> reasons) {
        return new Matter(
                id,
                MatterStatus.REJECTED,
                packet,
                reasons,
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

    Matter withOpened(
            String matterNumber,
            String by,
            LocalDate on,
            LocalDate plannedClose,
            int version,
            Map<UUID, Milestone> plan,
            Map<String, PhaseBudget> phases) {
        return new Matter(
                id,
                MatterStatus.OPEN,
                packet,
                rejection,
                by,
                on,
                plannedClose,
                version,
                closedOn,
                outcome,
                plan,
                tasks,
                phases,
                escalations,
                lastStatusUpdateOn,
                overdueReportedFor,
                matterNumber,
                externalIds,
                timeEntries,
                screenedUsers);
    }

    Matter withMilestone(Milestone milestone) {
        return progressed(
                put(milestones, milestone.id(), milestone),
                tasks,
                budget,
                escalations,
                lastStatusUpdateOn,
                overdueReportedFor);
    }

    Matter withTask(Task task) {
        return progressed(
                milestones, put(tasks, task.id(), task), budget, escalations, lastStatusUpdateOn, overdueReportedFor);
    }

    Matter withBudget(PhaseBudget phase) {
        return progressed(
                milestones,
                tasks,
                put(budget, phase.phase(), phase),
                escalations,
                lastStatusUpdateOn,
                overdueReportedFor);
    }

    Matter withEscalation(Escalation escalation, LocalDate overdueFor) {
        return progressed(
                milestones,
                tasks,
                budget,
                put(escalations, escalation.id(), escalation),
                lastStatusUpdateOn,
                overdueFor);
    }

    Matter withStatusUpdateOn(LocalDate sentOn) {
        return progressed(milestones, tasks, budget, escalations, sentOn, overdueReportedFor);
    }

    /** The same open matter with what its life so far changed: plan, tasks, budget, escalations, updates. */
    private Matter progressed(
            Map<UUID, Milestone> plan,
            Map<UUID, Task> work,
            Map<String, PhaseBudget> phases,
            Map<UUID, Escalation> raised,
            LocalDate lastUpdate,
            LocalDate overdueFor) {
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
                plan,
                work,
                phases,
                raised,
                lastUpdate,
                overdueFor,
                number,
                externalIds,
                timeEntries,
                screenedUsers);
    }

    Matter withExternalId(String system, String externalId) {
        return identified(put(externalIds, system, externalId), timeEntries, screenedUsers);
    }

    Matter withTimeEntry(UUID entryId) {
        Set<UUID> recorded = new HashSet<>(timeEntries);
        recorded.add(entryId);
        return identified(externalIds, recorded, screenedUsers);
    }

    Matter withScreen(String user, boolean screened) {
        Set<String> screens = new TreeSet<>(screenedUsers);
        if (screened) {
            screens.add(user);
        } else {
            screens.remove(user);
        }
        return identified(externalIds, timeEntries, screens);
    }

    /** The same matter known by other ids, with more time entries recorded, or screened from others. */
    private Matter identified(Map<String, String> ids, Set<UUID> entries, Set<String> screens) {
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
                ids,
                entries,
                screens);
    }

    Matter withClosed(LocalDate on, String closingOutcome) {
        return new Matter(
                id,
                MatterStatus.CLOSED,
                packet,
                rejection,
                acceptedBy,
                openedOn,
                plannedCloseDate,
                playbookVersion,
                on,
                closingOutcome,
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

    private static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> copy = new LinkedHashMap<>(map);
        copy.put(key, value);
        return copy;
    }
}
