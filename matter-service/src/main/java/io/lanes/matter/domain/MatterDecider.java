package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.eventstore.aggregate.Decider;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.AssignTask;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.PlanMilestone;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import io.lanes.matter.domain.MatterCommand.RecordClientFeedback;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RecordWriteDown;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.matter.domain.MatterCommand.ResolveEscalation;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.platform.problem.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The rules of a live matter, as pure functions. Ids of what detection and acceptance create are
 * derived from what they are about (the matter, the milestone, the due date), so deciding twice on
 * the same state gives the same events.
 */
public final class MatterDecider implements Decider<MatterCommand, Matter, Object> {

    public static final String TOTAL = "TOTAL";
    public static final String HANDOFF_NOT_PENDING = "HANDOFF_NOT_PENDING";
    public static final String MATTER_NOT_OPEN = "MATTER_NOT_OPEN";
    public static final String MILESTONE_COMPLETED = "MILESTONE_ALREADY_COMPLETED";
    public static final String TASK_COMPLETED = "TASK_ALREADY_COMPLETED";
    public static final String ESCALATION_RESOLVED = "ESCALATION_ALREADY_RESOLVED";

    @Override
    public Matter initialState() {
        return new Matter();
    }

    @Override
    public List<Object> decide(MatterCommand command, Matter matter) {
        if (command instanceof ReceiveHandoff) {
            return receive((ReceiveHandoff) command, matter);
        }
        if (matter.status == MatterStatus.NONE) {
            throw ProblemException.notFound("matter", "");
        }
        if (command instanceof AcceptHandoff) {
            return List.of(accept((AcceptHandoff) command, requirePending(matter)));
        }
        if (command instanceof RejectHandoff) {
            RejectHandoff reject = (RejectHandoff) command;
            requirePending(matter);
            return List.of(new HandoffRejected(matter.id, matter.packet.intakeId(), reject.rejectedBy(), reject.reasons(),
                    reject.at()));
        }
        if (command instanceof Detect) {
            return matter.status == MatterStatus.OPEN ? detect((Detect) command, matter) : List.of();
        }
        requireOpen(matter);
        if (command instanceof PlanMilestone) {
            PlanMilestone plan = (PlanMilestone) command;
            return List.of(new MilestonePlanned(matter.id, plan.milestoneId(), null, plan.name(), plan.dueDate(),
                    plan.owner(), plan.phase(), plan.hardDeadline(), plan.at()));
        }
        if (command instanceof ReplanMilestone) {
            ReplanMilestone replan = (ReplanMilestone) command;
            Milestone milestone = openMilestone(matter, replan.milestoneId());
            return List.of(new MilestoneReplanned(matter.id, milestone.id(), milestone.dueDate(), replan.dueDate(),
                    replan.reason(), replan.by(), replan.at()));
        }
        if (command instanceof CompleteMilestone) {
            CompleteMilestone complete = (CompleteMilestone) command;
            Milestone milestone = openMilestone(matter, complete.milestoneId());
            return List.of(new MilestoneCompleted(matter.id, milestone.id(), milestone.dueDate(), complete.completedOn(),
                    !complete.completedOn().isAfter(milestone.dueDate()), milestone.hardDeadline(), complete.at()));
        }
        if (command instanceof AssignTask) {
            AssignTask assign = (AssignTask) command;
            if (assign.milestoneId() != null && !matter.milestones.containsKey(assign.milestoneId())) {
                throw ProblemException.notFound("milestone", assign.milestoneId());
            }
            return List.of(new TaskAssigned(matter.id, assign.taskId(), assign.milestoneId(), assign.title(),
                    assign.assignee(), assign.dueDate(), assign.at()));
        }
        if (command instanceof CompleteTask) {
            CompleteTask complete = (CompleteTask) command;
            Task task = matter.tasks.get(complete.taskId());
            if (task == null) {
                throw ProblemException.notFound("task", complete.taskId());
            }
            if (task.completedOn() != null) {
                throw ProblemException.conflict(TASK_COMPLETED, "Task " + task.id() + " was completed on "
                        + task.completedOn());
            }
            return List.of(new TaskCompleted(matter.id, task.id(), task.assignee(), task.dueDate(),
                    complete.completedOn(), !complete.completedOn().isAfter(task.dueDate()), complete.at()));
        }
        if (command instanceof RecordTime) {
            return recordTime((RecordTime) command, matter);
        }
        if (command instanceof SendStatusUpdate) {
            SendStatusUpdate update = (SendStatusUpdate) command;
            LocalDate dueBy = matter.nextStatusUpdateDue(update.cadenceDays());
            return List.of(new StatusUpdateSent(matter.id, update.updateId(), dueBy, update.sentOn(),
                    !update.sentOn().isAfter(dueBy), update.summary(), update.at()));
        }
        if (command instanceof ResolveEscalation) {
            ResolveEscalation resolve = (ResolveEscalation) command;
            Escalation escalation = matter.escalations.get(resolve.escalationId());
            if (escalation == null) {
                throw ProblemException.notFound("escalation", resolve.escalationId());
            }
            if (!escalation.open()) {
                throw ProblemException.conflict(ESCALATION_RESOLVED, "Escalation " + escalation.id()
                        + " was resolved already");
            }
            return List.of(new EscalationResolved(matter.id, escalation.id(), escalation.cause(), escalation.raisedAt(),
                    resolve.by(), resolve.resolution(), resolve.at()));
        }
        if (command instanceof RecordWriteDown) {
            RecordWriteDown writeDown = (RecordWriteDown) command;
            return List.of(new WriteDownRecorded(matter.id, writeDown.writeDownId(), writeDown.amount(), writeDown.cause(),
                    writeDown.note(), writeDown.at()));
        }
        if (command instanceof RecordClientFeedback) {
            RecordClientFeedback feedback = (RecordClientFeedback) command;
            return List.of(new ClientFeedbackRecorded(matter.id, feedback.feedbackId(), feedback.score(),
                    feedback.comment(), feedback.at()));
        }
        CloseMatter close = (CloseMatter) command;
        return List.of(new MatterClosed(matter.id, matter.openedOn, matter.plannedCloseDate, close.closedOn(),
                close.outcome(), close.at()));
    }

    private static List<Object> receive(ReceiveHandoff receive, Matter matter) {
        IntakeComplete packet = receive.packet();
        boolean samePacket = matter.packet != null && matter.packet.attempt() >= packet.attempt();
        if (matter.status == MatterStatus.OPEN || matter.status == MatterStatus.CLOSED || samePacket) {
            return List.of();
        }
        return List.of(new HandoffPacketReceived(receive.matterId(), packet, receive.at()),
                new HandoffReceived(receive.matterId(), packet.intakeId(), packet.attempt(), packet.practiceArea(),
                        packet.matterType(), packet.routing().team(), receive.at()));
    }

    private static HandoffAccepted accept(AcceptHandoff accept, Matter matter) {
        IntakeComplete packet = matter.packet;
        PlaybookPublished playbook = accept.playbook();
        List<PlannedMilestone> milestones = new ArrayList<>();
        for (MilestoneTemplate template : playbook.milestones()) {
            LocalDate due = accept.dueDateOverrides().getOrDefault(template.templateKey(),
                    accept.calendar().plusBusinessDays(accept.acceptedOn(), template.offsetDays()));
            String owner = accept.ownerOverrides().getOrDefault(template.templateKey(), template.owner());
            milestones.add(new PlannedMilestone(derivedId(matter.id, "milestone:" + template.templateKey()),
                    template.templateKey(), template.name(), due, owner, template.phase(), template.hardDeadline()));
        }
        String firstPhase = playbook.budgetPhases().isEmpty() ? "L100" : playbook.budgetPhases().get(0).code();
        for (KeyDate keyDate : packet.keyDates()) {
            milestones.add(new PlannedMilestone(derivedId(matter.id, "key-date:" + keyDate.name()), null, keyDate.name(),
                    keyDate.date(), accept.acceptedBy(), firstPhase, keyDate.hardDeadline()));
        }
        milestones.sort(Comparator.comparing(PlannedMilestone::dueDate));
        BigDecimal total = accept.budgetOverride() != null ? accept.budgetOverride()
                : packet.estimatedBudget() != null ? packet.estimatedBudget() : BigDecimal.ZERO;
        List<PhaseAmount> phases = split(total, playbook.budgetPhases());
        LocalDate plannedClose = milestones.isEmpty() ? accept.acceptedOn()
                : milestones.get(milestones.size() - 1).dueDate();
        boolean checklistComplete = playbook.checklist().stream().allMatch(item -> packet.checklist().stream()
                .anyMatch(e -> e.key().equals(item.key()) && e.done()));
        return new HandoffAccepted(matter.id, packet.intakeId(), packet.receivedAt(), accept.acceptedBy(),
                packet.practiceArea(), packet.matterType(), packet.routing().team(),
                packet.routing().responsibleAttorney() != null ? packet.routing().responsibleAttorney() : accept.acceptedBy(),
                playbook.version(), checklistComplete, packet.currency(), new Budget(total, phases), milestones,
                plannedClose, accept.at());
    }

    /** Splits the total by phase shares to the cent; the last phase takes the rounding remainder. */
    static List<PhaseAmount> split(BigDecimal total, List<BudgetPhase> shares) {
        List<PhaseAmount> phases = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal amount = i == shares.size() - 1 ? total.subtract(allocated)
                    : total.multiply(shares.get(i).share()).setScale(2, RoundingMode.HALF_UP);
            allocated = allocated.add(amount);
            phases.add(new PhaseAmount(shares.get(i).code(), amount.setScale(2, RoundingMode.HALF_UP)));
        }
        return phases;
    }

    private static List<Object> recordTime(RecordTime time, Matter matter) {
        List<Object> events = new ArrayList<>();
        events.add(new TimeRecorded(matter.id, time.entryId(), time.timekeeper(), time.role(), time.workDate(),
                time.hours(), time.amount(), time.phase(), time.taskCode(), time.activityCode(), time.billable(),
                time.admin(), time.at()));
        for (String phase : List.of(time.phase(), TOTAL)) {
            PhaseBudget before = matter.budget.get(phase);
            if (before == null || before.budget().signum() <= 0) {
                continue;
            }
            events.addAll(crossings(matter, before.plus(time.amount()), time.thresholds(), time));
        }
        return events;
    }

    /** Each threshold level newly reached, in rising order: WARNING, then ESCALATION with its escalation. */
    private static List<Object> crossings(Matter matter, PhaseBudget after, Thresholds thresholds, RecordTime time) {
        List<Object> events = new ArrayList<>();
        BigDecimal variance = after.actual().subtract(after.budget()).multiply(BigDecimal.valueOf(100))
                .divide(after.budget(), 1, RoundingMode.HALF_UP);
        if (after.reported() == null && variance.compareTo(thresholds.budgetWarningPct()) >= 0) {
            events.add(new BudgetVariance(matter.id, after.phase(), after.budget(), after.actual(), variance,
                    VarianceLevel.WARNING, thresholds.budgetWarningPct(), null, time.at()));
        }
        if (after.reported() != VarianceLevel.ESCALATION && variance.compareTo(thresholds.budgetEscalationPct()) >= 0) {
            UUID escalationId = derivedId(matter.id, "budget:" + after.phase());
            events.add(new BudgetVariance(matter.id, after.phase(), after.budget(), after.actual(), variance,
                    VarianceLevel.ESCALATION, thresholds.budgetEscalationPct(), escalationId, time.at()));
            events.add(new EscalationRaised(matter.id, escalationId, EscalationCause.BUDGET_VARIANCE, Severity.CRITICAL,
                    after.phase(), matter.acceptedBy, time.at()));
        }
        return events;
    }

    private static List<Object> detect(Detect detect, Matter matter) {
        List<Object> events = new ArrayList<>();
        LocalDate today = detect.today();
        for (Milestone m : matter.milestones.values()) {
            if (m.completed()) {
                continue;
            }
            LocalDate slipsAfter = m.dueDate().plusDays(detect.thresholds().slipGraceDays());
            if (today.isAfter(slipsAfter) && !m.dueDate().equals(m.slipReportedFor())) {
                UUID escalationId = derivedId(matter.id, "slip:" + m.id() + ":" + m.dueDate());
                events.add(new MilestoneSlipped(matter.id, m.id(), m.templateKey(), m.name(), m.dueDate(), today,
                        (int) ChronoUnit.DAYS.between(m.dueDate(), today), m.owner(), m.phase(), m.hardDeadline(),
                        escalationId, detect.at()));
                events.add(new EscalationRaised(matter.id, escalationId, EscalationCause.MILESTONE_SLIPPED,
                        m.hardDeadline() ? Severity.CRITICAL : Severity.WARNING, m.id().toString(), matter.acceptedBy,
                        detect.at()));
            }
            if (m.hardDeadline() && today.isAfter(m.dueDate()) && !m.dueDate().equals(m.deadlineMissedFor())) {
                events.add(new DeadlineMissed(matter.id, m.id(), m.name(), m.dueDate(), detect.at()));
            }
        }
        LocalDate updateDue = matter.nextStatusUpdateDue(detect.thresholds().statusUpdateCadenceDays());
        if (updateDue != null && today.isAfter(updateDue) && !updateDue.equals(matter.overdueReportedFor)) {
            events.add(new EscalationRaised(matter.id, derivedId(matter.id, "status-update:" + updateDue),
                    EscalationCause.STATUS_UPDATE_OVERDUE, Severity.WARNING, updateDue.toString(), matter.acceptedBy,
                    detect.at()));
        }
        return events;
    }

    @Override
    public Matter evolve(Matter state, Object event) {
        Matter m = state.copy();
        if (event instanceof HandoffPacketReceived) {
            HandoffPacketReceived received = (HandoffPacketReceived) event;
            m.id = received.matterId();
            m.packet = received.packet();
            m.status = MatterStatus.PENDING;
            m.rejection = List.of();
        } else if (event instanceof HandoffReceived) {
            m.id = ((HandoffReceived) event).matterId();
        } else if (event instanceof HandoffRejected) {
            m.status = MatterStatus.REJECTED;
            m.rejection = ((HandoffRejected) event).reasons();
        } else if (event instanceof HandoffAccepted) {
            HandoffAccepted accepted = (HandoffAccepted) event;
            m.status = MatterStatus.OPEN;
            m.acceptedBy = accepted.acceptedBy();
            m.openedOn = accepted.occurredAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            m.plannedCloseDate = accepted.plannedCloseDate();
            m.playbookVersion = accepted.playbookVersion();
            for (PlannedMilestone p : accepted.milestones()) {
                m.milestones.put(p.milestoneId(), new Milestone(p.milestoneId(), p.templateKey(), p.name(), p.dueDate(),
                        p.dueDate(), p.owner(), p.phase(), p.hardDeadline(), null, null, null));
            }
            for (PhaseAmount phase : accepted.budget().phases()) {
                m.budget.put(phase.code(), new PhaseBudget(phase.code(), phase.amount(), BigDecimal.ZERO, null));
            }
            m.budget.put(TOTAL, new PhaseBudget(TOTAL, accepted.budget().total(), BigDecimal.ZERO, null));
        } else if (event instanceof MilestonePlanned) {
            MilestonePlanned p = (MilestonePlanned) event;
            m.milestones.put(p.milestoneId(), new Milestone(p.milestoneId(), p.templateKey(), p.name(), p.dueDate(),
                    p.dueDate(), p.owner(), p.phase(), p.hardDeadline(), null, null, null));
        } else if (event instanceof MilestoneReplanned) {
            MilestoneReplanned r = (MilestoneReplanned) event;
            m.milestones.computeIfPresent(r.milestoneId(), (id, ms) -> ms.replanned(r.dueDate()));
        } else if (event instanceof MilestoneCompleted) {
            MilestoneCompleted c = (MilestoneCompleted) event;
            m.milestones.computeIfPresent(c.milestoneId(), (id, ms) -> ms.completedOn(c.completedOn()));
        } else if (event instanceof MilestoneSlipped) {
            m.milestones.computeIfPresent(((MilestoneSlipped) event).milestoneId(), (id, ms) -> ms.slipReported());
        } else if (event instanceof DeadlineMissed) {
            m.milestones.computeIfPresent(((DeadlineMissed) event).milestoneId(), (id, ms) -> ms.deadlineMissed());
        } else if (event instanceof TaskAssigned) {
            TaskAssigned t = (TaskAssigned) event;
            m.tasks.put(t.taskId(), new Task(t.taskId(), t.milestoneId(), t.title(), t.assignee(), t.dueDate(), null));
        } else if (event instanceof TaskCompleted) {
            TaskCompleted t = (TaskCompleted) event;
            m.tasks.computeIfPresent(t.taskId(), (id, task) -> new Task(task.id(), task.milestoneId(), task.title(),
                    task.assignee(), task.dueDate(), t.completedOn()));
        } else if (event instanceof TimeRecorded) {
            TimeRecorded t = (TimeRecorded) event;
            m.budget.computeIfPresent(t.phase(), (code, b) -> b.plus(t.amount()));
            m.budget.computeIfAbsent(t.phase(), code -> new PhaseBudget(code, BigDecimal.ZERO, t.amount(), null));
            m.budget.computeIfPresent(TOTAL, (code, b) -> b.plus(t.amount()));
        } else if (event instanceof BudgetVariance) {
            BudgetVariance v = (BudgetVariance) event;
            m.budget.computeIfPresent(v.phase(), (code, b) -> b.reporting(v.level()));
        } else if (event instanceof StatusUpdateSent) {
            StatusUpdateSent s = (StatusUpdateSent) event;
            m.lastStatusUpdateOn = s.sentOn();
        } else if (event instanceof EscalationRaised) {
            EscalationRaised e = (EscalationRaised) event;
            m.escalations.put(e.escalationId(), new Escalation(e.escalationId(), e.cause(), e.severity(), e.relatedId(),
                    e.assignedTo(), e.occurredAt(), null));
            if (e.cause() == EscalationCause.STATUS_UPDATE_OVERDUE) {
                m.overdueReportedFor = LocalDate.parse(e.relatedId());
            }
        } else if (event instanceof EscalationResolved) {
            EscalationResolved r = (EscalationResolved) event;
            m.escalations.computeIfPresent(r.escalationId(), (id, e) -> new Escalation(e.id(), e.cause(), e.severity(),
                    e.relatedId(), e.assignedTo(), e.raisedAt(), r.occurredAt()));
        } else if (event instanceof MatterClosed) {
            MatterClosed c = (MatterClosed) event;
            m.status = MatterStatus.CLOSED;
            m.closedOn = c.closedOn();
            m.outcome = c.outcome();
        }
        return m;
    }

    private static Matter requirePending(Matter matter) {
        if (matter.status != MatterStatus.PENDING) {
            throw ProblemException.conflict(HANDOFF_NOT_PENDING, "The handoff of matter " + matter.id + " is "
                    + matter.status + ", not PENDING");
        }
        return matter;
    }

    private static void requireOpen(Matter matter) {
        if (matter.status != MatterStatus.OPEN) {
            throw ProblemException.conflict(MATTER_NOT_OPEN, "Matter " + matter.id + " is " + matter.status
                    + "; only an open matter takes this");
        }
    }

    private static Milestone openMilestone(Matter matter, UUID milestoneId) {
        Milestone milestone = matter.milestones.get(milestoneId);
        if (milestone == null) {
            throw ProblemException.notFound("milestone", milestoneId);
        }
        if (milestone.completed()) {
            throw ProblemException.conflict(MILESTONE_COMPLETED, "Milestone " + milestone.name() + " was completed on "
                    + milestone.completedOn());
        }
        return milestone;
    }

    static UUID derivedId(UUID matterId, String what) {
        return UUID.nameUUIDFromBytes((matterId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
