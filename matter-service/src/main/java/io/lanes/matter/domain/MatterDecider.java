package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.openMilestone;
import static io.lanes.matter.domain.MatterRules.requireAccepted;
import static io.lanes.matter.domain.MatterRules.requireKnown;
import static io.lanes.matter.domain.MatterRules.requireOpen;
import static io.lanes.matter.domain.MatterRules.requirePending;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.ClientFeedbackRecorded;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
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
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.eventstore.aggregate.Decider;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.AssignTask;
import io.lanes.matter.domain.MatterCommand.BlockTask;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.LiftScreen;
import io.lanes.matter.domain.MatterCommand.LinkExternalId;
import io.lanes.matter.domain.MatterCommand.PlanMilestone;
import io.lanes.matter.domain.MatterCommand.ReassignEscalation;
import io.lanes.matter.domain.MatterCommand.ReceiveHandoff;
import io.lanes.matter.domain.MatterCommand.RecordClientFeedback;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RecordWriteDown;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.matter.domain.MatterCommand.ResolveEscalation;
import io.lanes.matter.domain.MatterCommand.ReviseBudget;
import io.lanes.matter.domain.MatterCommand.ScreenUser;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.matter.domain.MatterInternalEvent.ExternalIdLinked;
import io.lanes.matter.domain.MatterInternalEvent.HandoffPacketReceived;
import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.Refused;
import io.lanes.platform.domain.Violation;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The rules of a live matter, as pure functions: {@code decide} sends each command to its own method
 * (planning, budget and detection live in {@link PlanningRules}, {@link BudgetRules} and
 * {@link DetectionRules}); {@code evolve} folds each event into an immutable {@link Matter}. Both
 * dispatches end in {@link UnhandledCase}, and {@code MatterDeciderTest} proves no command or event
 * reaches it.
 */
public final class MatterDecider implements Decider<MatterCommand, Matter, Object> {

    /** The firm's time zone: a matter is opened on the firm's date of its acceptance. */
    private final ZoneId zone;

    public MatterDecider(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public Matter initialState() {
        return Matter.NONE;
    }

    @Override
    public List<Object> decide(MatterCommand command, Matter matter) {
        if (command instanceof ReceiveHandoff receive) {
            return receive(receive, matter);
        }
        if (command instanceof AcceptHandoff accept) {
            List<Object> events = new ArrayList<>(List.of(PlanningRules.accept(accept, requirePending(matter))));
            events.addAll(EscalationRules.resolveOpen(
                    matter, EscalationCause.HANDOFF_WAITING, null, "Handoff accepted", accept.at()));
            return events;
        }
        if (command instanceof RejectHandoff reject) {
            List<Object> events = new ArrayList<>(reject(reject, requirePending(matter)));
            events.addAll(EscalationRules.resolveOpen(
                    matter, EscalationCause.HANDOFF_WAITING, null, "Handoff rejected", reject.at()));
            return events;
        }
        if (command instanceof Detect detect) {
            return DetectionRules.detect(detect, requireKnown(matter));
        }
        if (command instanceof PlanMilestone plan) {
            return planMilestone(plan, requireOpen(matter));
        }
        if (command instanceof ReplanMilestone replan) {
            return replanMilestone(replan, matter);
        }
        if (command instanceof CompleteMilestone complete) {
            return completeMilestone(complete, matter);
        }
        if (command instanceof AssignTask assign) {
            return assignTask(assign, requireOpen(matter));
        }
        if (command instanceof CompleteTask complete) {
            return completeTask(complete, requireOpen(matter));
        }
        if (command instanceof BlockTask block) {
            return EscalationRules.blockTask(block, requireOpen(matter));
        }
        if (command instanceof RecordTime time) {
            return BudgetRules.recordTime(time, matter);
        }
        if (command instanceof ReviseBudget revise) {
            return BudgetRules.revise(revise, requireOpen(matter));
        }
        if (command instanceof SendStatusUpdate update) {
            return sendStatusUpdate(update, requireOpen(matter));
        }
        if (command instanceof ResolveEscalation resolve) {
            return resolveEscalation(resolve, requireOpen(matter));
        }
        if (command instanceof ReassignEscalation reassign) {
            return EscalationRules.reassign(reassign, requireOpen(matter));
        }
        if (command instanceof RecordWriteDown writeDown) {
            return recordWriteDown(writeDown, requireOpen(matter));
        }
        if (command instanceof RecordClientFeedback feedback) {
            return recordClientFeedback(feedback, requireOpen(matter));
        }
        if (command instanceof LinkExternalId link) {
            return linkExternalId(link, requireAccepted(matter));
        }
        if (command instanceof CloseMatter close) {
            return close(close, requireOpen(matter));
        }
        if (command instanceof ScreenUser screen) {
            return screen(screen, requireKnown(matter));
        }
        if (command instanceof LiftScreen lift) {
            return lift(lift, requireKnown(matter));
        }
        throw new UnhandledCase(command);
    }

    /** A packet opens (or, after a rejection, reopens) the pending handoff; a re-sent or older one changes nothing. */
    private static List<Object> receive(ReceiveHandoff receive, Matter matter) {
        IntakeComplete packet = receive.packet();
        boolean samePacket = matter.packet() != null && matter.packet().attempt() >= packet.attempt();
        if (matter.status() == MatterStatus.OPEN || matter.status() == MatterStatus.CLOSED || samePacket) {
            return List.of();
        }
        return List.of(
                new HandoffPacketReceived(receive.matterId(), packet, receive.at()),
                new HandoffReceived(
                        receive.matterId(),
                        packet.intakeId(),
                        packet.attempt(),
                        packet.practiceArea(),
                        packet.matterType(),
                        packet.routing().team(),
                        receive.at()));
    }

    private static List<Object> reject(RejectHandoff reject, Matter matter) {
        return List.of(new HandoffRejected(
                matter.id(), matter.packet().intakeId(), reject.rejectedBy(), reject.reasons(), reject.at()));
    }

    private static List<Object> planMilestone(PlanMilestone plan, Matter matter) {
        return List.of(new MilestonePlanned(
                matter.id(),
                plan.milestoneId(),
                null,
                plan.name(),
                plan.dueDate(),
                plan.owner(),
                plan.phase(),
                plan.hardDeadline(),
                plan.at()));
    }

    private static List<Object> replanMilestone(ReplanMilestone replan, Matter matter) {
        Milestone milestone = openMilestone(matter, replan.milestoneId());
        if (milestone.hardDeadline() && !replan.correction()) {
            throw new Refused(
                    MatterRules.HARD_DEADLINE_FIXED,
                    milestone.name() + " is a hard deadline (" + milestone.dueDate()
                            + "): the court or the law sets it, so a PM cannot move it; an admin may correct a "
                            + "wrongly entered date",
                    List.of(new Violation("dueDate", "a hard deadline is not the firm's to move", "hard-deadline")));
        }
        return List.of(new MilestoneReplanned(
                matter.id(),
                milestone.id(),
                milestone.dueDate(),
                replan.dueDate(),
                replan.reason(),
                replan.by(),
                replan.at()));
    }

    private static List<Object> completeMilestone(CompleteMilestone complete, Matter matter) {
        Milestone milestone = openMilestone(matter, complete.milestoneId());
        MatterRules.requireWithinMatter(matter, complete.completedOn(), complete.today(), "completedOn");
        List<Object> events = new ArrayList<>();
        events.add(new MilestoneCompleted(
                matter.id(),
                milestone.id(),
                milestone.dueDate(),
                complete.completedOn(),
                !complete.completedOn().isAfter(milestone.dueDate()),
                milestone.hardDeadline(),
                complete.at()));
        events.addAll(EscalationRules.resolveOpen(
                matter,
                EscalationCause.DEADLINE_APPROACHING,
                milestone.id().toString(),
                "Milestone completed",
                complete.at()));
        return events;
    }

    private static List<Object> assignTask(AssignTask assign, Matter matter) {
        if (assign.milestoneId() != null && !matter.milestones().containsKey(assign.milestoneId())) {
            throw new NotFound("milestone", assign.milestoneId());
        }
        return List.of(new TaskAssigned(
                matter.id(),
                assign.taskId(),
                assign.milestoneId(),
                assign.title(),
                assign.assignee(),
                assign.dueDate(),
                assign.at()));
    }

    private static List<Object> completeTask(CompleteTask complete, Matter matter) {
        Task task = MatterRules.openTask(matter, complete.taskId());
        MatterRules.requireWithinMatter(matter, complete.completedOn(), complete.today(), "completedOn");
        List<Object> events = new ArrayList<>();
        events.add(new TaskCompleted(
                matter.id(),
                task.id(),
                task.assignee(),
                task.dueDate(),
                complete.completedOn(),
                !complete.completedOn().isAfter(task.dueDate()),
                complete.at()));
        events.addAll(EscalationRules.resolveOpen(
                matter, EscalationCause.TASK_BLOCKED, task.id().toString(), "Task completed", complete.at()));
        return events;
    }

    private static List<Object> sendStatusUpdate(SendStatusUpdate update, Matter matter) {
        MatterRules.requireWithinMatter(matter, update.sentOn(), update.today(), "sentOn");
        LocalDate dueBy = matter.nextStatusUpdateDue(update.cadenceDays());
        return List.of(new StatusUpdateSent(
                matter.id(),
                update.updateId(),
                dueBy,
                update.sentOn(),
                !update.sentOn().isAfter(dueBy),
                update.summary(),
                update.at()));
    }

    private static List<Object> resolveEscalation(ResolveEscalation resolve, Matter matter) {
        Escalation escalation = MatterRules.openEscalation(matter, resolve.escalationId());
        return List.of(new EscalationResolved(
                matter.id(),
                escalation.id(),
                escalation.cause(),
                escalation.raisedAt(),
                resolve.by(),
                resolve.resolution(),
                resolve.at()));
    }

    private static List<Object> recordWriteDown(RecordWriteDown writeDown, Matter matter) {
        return List.of(new WriteDownRecorded(
                matter.id(),
                writeDown.writeDownId(),
                writeDown.amount(),
                writeDown.cause(),
                writeDown.note(),
                writeDown.at()));
    }

    private static List<Object> recordClientFeedback(RecordClientFeedback feedback, Matter matter) {
        return List.of(new ClientFeedbackRecorded(
                matter.id(), feedback.feedbackId(), feedback.score(), feedback.comment(), feedback.at()));
    }

    private static List<Object> linkExternalId(LinkExternalId link, Matter matter) {
        if (link.externalId().equals(matter.externalIds().get(link.system()))) {
            return List.of();
        }
        return List.of(new ExternalIdLinked(matter.id(), link.system(), link.externalId(), link.by(), link.at()));
    }

    private static List<Object> screen(ScreenUser screen, Matter matter) {
        if (matter.screenedUsers().contains(screen.user())) {
            return List.of();
        }
        return List.of(new EthicalScreenAdded(matter.id(), screen.user(), screen.reason(), screen.by(), screen.at()));
    }

    private static List<Object> lift(LiftScreen lift, Matter matter) {
        if (!matter.screenedUsers().contains(lift.user())) {
            return List.of();
        }
        return List.of(new EthicalScreenLifted(matter.id(), lift.user(), lift.reason(), lift.by(), lift.at()));
    }

    private static List<Object> close(CloseMatter close, Matter matter) {
        return List.of(new MatterClosed(
                matter.id(),
                matter.openedOn(),
                matter.plannedCloseDate(),
                close.closedOn(),
                close.outcome(),
                close.at()));
    }

    @Override
    public Matter evolve(Matter m, Object event) {
        if (event instanceof HandoffPacketReceived received) {
            return m.withPendingHandoff(received.matterId(), received.packet());
        }
        if (event instanceof HandoffReceived received) {
            return m.withId(received.matterId());
        }
        if (event instanceof HandoffRejected rejected) {
            return m.withRejection(rejected.reasons());
        }
        if (event instanceof HandoffAccepted accepted) {
            return opened(m, accepted, zone);
        }
        if (event instanceof MilestonePlanned p) {
            return m.withMilestone(Milestone.planned(
                    p.milestoneId(), p.templateKey(), p.name(), p.dueDate(), p.owner(), p.phase(), p.hardDeadline()));
        }
        if (event instanceof MilestoneReplanned r) {
            return withMilestone(m, r.milestoneId(), ms -> ms.replanned(r.dueDate()));
        }
        if (event instanceof MilestoneCompleted c) {
            return withMilestone(m, c.milestoneId(), ms -> ms.completedOn(c.completedOn()));
        }
        if (event instanceof MilestoneSlipped s) {
            return withMilestone(m, s.milestoneId(), Milestone::slipReported);
        }
        if (event instanceof DeadlineMissed d) {
            return withMilestone(m, d.milestoneId(), Milestone::deadlineMissed);
        }
        if (event instanceof TaskAssigned t) {
            return m.withTask(new Task(t.taskId(), t.milestoneId(), t.title(), t.assignee(), t.dueDate(), null));
        }
        if (event instanceof TaskCompleted t) {
            Task task = m.tasks().get(t.taskId());
            return task == null
                    ? m
                    : m.withTask(new Task(
                            task.id(),
                            task.milestoneId(),
                            task.title(),
                            task.assignee(),
                            task.dueDate(),
                            t.completedOn()));
        }
        if (event instanceof TimeRecorded t) {
            return BudgetRules.withTime(m, t);
        }
        if (event instanceof BudgetRevised revised) {
            return BudgetRules.withRevision(m, revised);
        }
        if (event instanceof BudgetVariance v) {
            PhaseBudget phase = m.budget().get(v.phase());
            return phase == null ? m : m.withBudget(phase.reporting(v.level()));
        }
        if (event instanceof StatusUpdateSent s) {
            return m.withStatusUpdateOn(s.sentOn());
        }
        if (event instanceof EscalationRaised e) {
            LocalDate overdueFor = e.cause() == EscalationCause.STATUS_UPDATE_OVERDUE
                    ? LocalDate.parse(e.relatedId())
                    : m.overdueReportedFor();
            return m.withEscalation(
                    new Escalation(
                            e.escalationId(),
                            e.cause(),
                            e.severity(),
                            e.relatedId(),
                            e.assignedTo(),
                            1,
                            e.occurredAt(),
                            null),
                    overdueFor);
        }
        if (event instanceof EscalationReassigned r) {
            Escalation e = m.escalations().get(r.escalationId());
            return e == null ? m : m.withEscalation(e.reassigned(r.level(), r.assignedTo()), m.overdueReportedFor());
        }
        if (event instanceof EscalationResolved r) {
            Escalation e = m.escalations().get(r.escalationId());
            return e == null ? m : m.withEscalation(e.resolved(r.occurredAt()), m.overdueReportedFor());
        }
        if (event instanceof ExternalIdLinked linked) {
            return m.withExternalId(linked.system(), linked.externalId());
        }
        if (event instanceof MatterClosed c) {
            return m.withClosed(c.closedOn(), c.outcome());
        }
        if (event instanceof EthicalScreenAdded screen) {
            return m.withScreen(screen.user(), true);
        }
        if (event instanceof EthicalScreenLifted lifted) {
            return m.withScreen(lifted.user(), false);
        }
        if (event instanceof WriteDownRecorded
                || event instanceof ClientFeedbackRecorded
                || event instanceof TaskBlocked) {
            return m;
        }
        throw new UnhandledCase(event);
    }

    private static Matter opened(Matter m, HandoffAccepted accepted, ZoneId zone) {
        Map<UUID, Milestone> plan = new LinkedHashMap<>(m.milestones());
        for (PlannedMilestone p : accepted.milestones()) {
            plan.put(
                    p.milestoneId(),
                    Milestone.planned(
                            p.milestoneId(),
                            p.templateKey(),
                            p.name(),
                            p.dueDate(),
                            p.owner(),
                            p.phase(),
                            p.hardDeadline()));
        }
        Map<UUID, Task> tasks = new LinkedHashMap<>(m.tasks());
        for (PlannedTask t : accepted.tasks()) {
            tasks.put(t.taskId(), new Task(t.taskId(), t.milestoneId(), t.title(), t.assignee(), t.dueDate(), null));
        }
        Map<String, PhaseBudget> phases = new LinkedHashMap<>(m.budget());
        for (PhaseAmount phase : accepted.budget().phases()) {
            phases.put(phase.code(), PhaseBudget.planned(phase.code(), phase.amount()));
        }
        phases.put(
                BudgetRules.TOTAL,
                PhaseBudget.planned(BudgetRules.TOTAL, accepted.budget().total()));
        return m.withOpened(
                accepted.matterNumber(),
                accepted.acceptedBy(),
                accepted.occurredAt().atZone(zone).toLocalDate(),
                accepted.plannedCloseDate(),
                accepted.playbookVersion(),
                plan,
                tasks,
                phases);
    }

    private static Matter withMilestone(Matter m, UUID id, UnaryOperator<Milestone> change) {
        Milestone milestone = m.milestones().get(id);
        return milestone == null ? m : m.withMilestone(change.apply(milestone));
    }
}
