package io.lanes.kpi.facts;

import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The contract events kpi-service holds, indexed for the KPI definitions. Built from the events in
 * the order they occurred (never the order they arrived), so the same set of events always gives
 * the same facts.
 */
public final class Facts {

    private final List<IntakeComplete> intakesComplete = new ArrayList<>();
    private final List<HandoffAccepted> accepted = new ArrayList<>();
    private final List<HandoffRejected> rejected = new ArrayList<>();
    private final List<TimeRecorded> time = new ArrayList<>();
    private final List<BudgetVariance> budgetVariances = new ArrayList<>();
    private final List<StatusUpdateSent> statusUpdates = new ArrayList<>();
    private final List<EscalationRaised> escalationsRaised = new ArrayList<>();
    private final List<EscalationResolved> escalationsResolved = new ArrayList<>();
    private final List<MilestoneSlipped> slips = new ArrayList<>();
    private final List<WriteDownRecorded> writeDowns = new ArrayList<>();
    private final List<ClientFeedbackRecorded> feedback = new ArrayList<>();
    private final List<MatterClosed> closed = new ArrayList<>();
    private final Playbooks playbooks;
    private final List<TimeAmount> timeLedger;

    private final Map<UUID, MatterProfile> profiles = new HashMap<>();
    private final Map<UUID, MilestoneRecord> milestones = new LinkedHashMap<>();
    private final Map<UUID, TaskRecord> tasks = new LinkedHashMap<>();
    private final Map<UUID, Set<String>> screened = new HashMap<>();

    private Facts(List<LanesEvent> events, List<TimeAmount> ledger) {
        List<PlaybookPublished> playbookVersions = new ArrayList<>();
        for (LanesEvent event : events) {
            if (event instanceof PlaybookPublished) {
                playbookVersions.add((PlaybookPublished) event);
            } else if (event instanceof IntakeComplete) {
                intakeComplete((IntakeComplete) event);
            } else if (event instanceof HandoffReceived) {
                handoffReceived((HandoffReceived) event);
            } else if (event instanceof HandoffAccepted) {
                handoffAccepted((HandoffAccepted) event);
            } else if (event instanceof HandoffRejected) {
                rejected.add((HandoffRejected) event);
            } else {
                matterEvent(event);
            }
        }
        this.playbooks = new Playbooks(playbookVersions);
        this.timeLedger = ledger != null
                ? List.copyOf(ledger)
                : time.stream()
                        .map(t -> new TimeAmount(t.matterId(), t.phase(), t.occurredAt(), t.amount()))
                        .collect(Collectors.toList());
        // A close may have arrived before the acceptance it follows; apply closes last.
        closed.forEach(c -> profiles.computeIfPresent(c.matterId(), (id, p) -> p.withClosedAt(c.occurredAt())));
    }

    /**
     * Indexes events; their order of arrival does not matter (they are ordered by occurrence first).
     * The time ledger comes from the time entries among them.
     */
    public static Facts of(Collection<? extends LanesEvent> events) {
        return new Facts(ordered(events), null);
    }

    /** Indexes events with a time ledger read on its own (the time entries need not be among the events). */
    public static Facts of(Collection<? extends LanesEvent> events, List<TimeAmount> timeLedger) {
        return new Facts(ordered(events), timeLedger);
    }

    private static List<LanesEvent> ordered(Collection<? extends LanesEvent> events) {
        List<LanesEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(LanesEvent::occurredAt));
        return ordered;
    }

    private void intakeComplete(IntakeComplete e) {
        intakesComplete.add(e);
        UUID matterId = MatterIds.fromIntake(e.intakeId());
        MatterProfile known = profiles.get(matterId);
        if (known == null || known.openedAt() == null) {
            String team = e.routing() == null ? null : e.routing().team();
            String attorney = e.routing() == null ? null : e.routing().responsibleAttorney();
            profiles.put(
                    matterId,
                    new MatterProfile(
                            matterId,
                            e.practiceArea(),
                            e.matterType(),
                            team,
                            attorney,
                            e.playbookVersion(),
                            null,
                            null));
        }
    }

    private void handoffReceived(HandoffReceived e) {
        MatterProfile known = profiles.get(e.matterId());
        if (known == null || known.openedAt() == null) {
            String attorney = known == null ? null : known.responsibleAttorney();
            Integer version = known == null ? null : known.playbookVersion();
            profiles.put(
                    e.matterId(),
                    new MatterProfile(
                            e.matterId(), e.practiceArea(), e.matterType(), e.team(), attorney, version, null, null));
        }
    }

    private void handoffAccepted(HandoffAccepted e) {
        accepted.add(e);
        profiles.put(
                e.matterId(),
                new MatterProfile(
                        e.matterId(),
                        e.practiceArea(),
                        e.matterType(),
                        e.team(),
                        e.responsibleAttorney(),
                        e.playbookVersion(),
                        e.occurredAt(),
                        null));
        for (PlannedMilestone m : e.milestones()) {
            milestones.put(
                    m.milestoneId(),
                    new MilestoneRecord(
                            e.matterId(),
                            m.milestoneId(),
                            m.templateKey(),
                            m.hardDeadline(),
                            m.dueDate(),
                            null,
                            false,
                            false));
        }
    }

    private void matterEvent(LanesEvent event) {
        if (event instanceof MilestonePlanned) {
            MilestonePlanned e = (MilestonePlanned) event;
            milestones.put(
                    e.milestoneId(),
                    new MilestoneRecord(
                            e.matterId(),
                            e.milestoneId(),
                            e.templateKey(),
                            e.hardDeadline(),
                            e.dueDate(),
                            null,
                            false,
                            false));
        } else if (event instanceof MilestoneReplanned) {
            MilestoneReplanned e = (MilestoneReplanned) event;
            milestones.computeIfPresent(
                    e.milestoneId(),
                    (id, m) -> new MilestoneRecord(
                            m.matterId(),
                            id,
                            m.templateKey(),
                            m.hardDeadline(),
                            e.dueDate(),
                            m.completedOnTime(),
                            m.slipped(),
                            m.deadlineMissed()));
        } else if (event instanceof MilestoneCompleted) {
            MilestoneCompleted e = (MilestoneCompleted) event;
            milestones.compute(
                    e.milestoneId(),
                    (id, m) -> new MilestoneRecord(
                            e.matterId(),
                            id,
                            m == null ? null : m.templateKey(),
                            e.hardDeadline(),
                            e.dueDate(),
                            e.onTime(),
                            m != null && m.slipped(),
                            m != null && m.deadlineMissed()));
        } else if (event instanceof MilestoneSlipped) {
            MilestoneSlipped e = (MilestoneSlipped) event;
            slips.add(e);
            milestones.compute(
                    e.milestoneId(),
                    (id, m) -> m == null
                            ? new MilestoneRecord(
                                    e.matterId(), id, e.templateKey(), e.hardDeadline(), e.dueDate(), null, true, false)
                            : new MilestoneRecord(
                                    m.matterId(),
                                    id,
                                    m.templateKey(),
                                    m.hardDeadline(),
                                    m.dueDate(),
                                    m.completedOnTime(),
                                    true,
                                    m.deadlineMissed()));
        } else if (event instanceof DeadlineMissed) {
            DeadlineMissed e = (DeadlineMissed) event;
            milestones.compute(
                    e.milestoneId(),
                    (id, m) -> m == null
                            ? new MilestoneRecord(e.matterId(), id, null, true, e.dueDate(), null, false, true)
                            : new MilestoneRecord(
                                    m.matterId(),
                                    id,
                                    m.templateKey(),
                                    m.hardDeadline(),
                                    m.dueDate(),
                                    m.completedOnTime(),
                                    m.slipped(),
                                    true));
        } else if (event instanceof TaskAssigned) {
            TaskAssigned e = (TaskAssigned) event;
            tasks.merge(
                    e.taskId(),
                    new TaskRecord(e.matterId(), e.taskId(), e.dueDate(), null, null),
                    (known, fresh) -> new TaskRecord(
                            known.matterId(), known.taskId(), fresh.dueDate(), known.completedOn(), known.onTime()));
        } else if (event instanceof TaskCompleted) {
            TaskCompleted e = (TaskCompleted) event;
            tasks.put(e.taskId(), new TaskRecord(e.matterId(), e.taskId(), e.dueDate(), e.completedOn(), e.onTime()));
        } else {
            collect(event);
        }
    }

    private void collect(LanesEvent event) {
        if (event instanceof TimeRecorded) {
            time.add((TimeRecorded) event);
        } else if (event instanceof BudgetVariance) {
            budgetVariances.add((BudgetVariance) event);
        } else if (event instanceof StatusUpdateSent) {
            statusUpdates.add((StatusUpdateSent) event);
        } else if (event instanceof EscalationRaised) {
            escalationsRaised.add((EscalationRaised) event);
        } else if (event instanceof EscalationResolved) {
            escalationsResolved.add((EscalationResolved) event);
        } else if (event instanceof WriteDownRecorded) {
            writeDowns.add((WriteDownRecorded) event);
        } else if (event instanceof ClientFeedbackRecorded) {
            feedback.add((ClientFeedbackRecorded) event);
        } else if (event instanceof MatterClosed) {
            closed.add((MatterClosed) event);
        } else if (event instanceof EthicalScreenAdded e) {
            screened.computeIfAbsent(e.matterId(), id -> new HashSet<>()).add(e.user());
        } else if (event instanceof EthicalScreenLifted e) {
            screened.getOrDefault(e.matterId(), new HashSet<>()).remove(e.user());
        }
    }

    public List<IntakeComplete> intakesComplete() {
        return Collections.unmodifiableList(intakesComplete);
    }

    public List<HandoffAccepted> accepted() {
        return Collections.unmodifiableList(accepted);
    }

    public List<HandoffRejected> rejected() {
        return Collections.unmodifiableList(rejected);
    }

    public List<TimeRecorded> time() {
        return Collections.unmodifiableList(time);
    }

    public List<BudgetVariance> budgetVariances() {
        return Collections.unmodifiableList(budgetVariances);
    }

    public List<StatusUpdateSent> statusUpdates() {
        return Collections.unmodifiableList(statusUpdates);
    }

    public List<EscalationRaised> escalationsRaised() {
        return Collections.unmodifiableList(escalationsRaised);
    }

    public List<EscalationResolved> escalationsResolved() {
        return Collections.unmodifiableList(escalationsResolved);
    }

    public List<MilestoneSlipped> slips() {
        return Collections.unmodifiableList(slips);
    }

    public List<WriteDownRecorded> writeDowns() {
        return Collections.unmodifiableList(writeDowns);
    }

    public List<ClientFeedbackRecorded> feedback() {
        return Collections.unmodifiableList(feedback);
    }

    public List<MatterClosed> closed() {
        return Collections.unmodifiableList(closed);
    }

    /** The amount of every time entry: what budgets are measured against. */
    public List<TimeAmount> timeLedger() {
        return timeLedger;
    }

    public Playbooks playbooks() {
        return playbooks;
    }

    /** The matter's profile, or null when none of its intake, handoff or acceptance events is known. */
    /** The users an ethical screen walls off the matter, after the screens and lifts known. */
    public Set<String> screenedUsers(UUID matterId) {
        return Set.copyOf(screened.getOrDefault(matterId, Set.of()));
    }

    public MatterProfile profile(UUID matterId) {
        return profiles.get(matterId);
    }

    public Collection<MatterProfile> profiles() {
        return profiles.values();
    }

    public Collection<MilestoneRecord> milestones() {
        return milestones.values();
    }

    public Collection<TaskRecord> tasks() {
        return tasks.values();
    }
}
