package io.lanes.matter.domain;

import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.ReassignmentReason;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.BlockTask;
import io.lanes.matter.domain.MatterCommand.CloseMatter;
import io.lanes.matter.domain.MatterCommand.CompleteMilestone;
import io.lanes.matter.domain.MatterCommand.CompleteTask;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.ReassignEscalation;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterCommand.ReplanMilestone;
import io.lanes.matter.domain.MatterCommand.ResolveEscalation;
import io.lanes.matter.domain.MatterCommand.ReviseBudget;
import io.lanes.matter.domain.MatterCommand.SendStatusUpdate;
import io.lanes.platform.domain.DomainException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A matter's recorded history decided again under another playbook, by the live {@link MatterDecider}.
 * What people did stays as recorded: the handoff and its acceptance (by whom, on which day, with the PM's
 * overrides), time entries, completions, status updates, replans, budget revisions, blocked tasks,
 * resolutions, the closing. What Lanes decided from the playbook is decided again: the plan (offsets,
 * task templates, budget split), whether each completion and update was on time, the budget levels
 * reached, slips, missed and approaching deadlines, overdue updates, and every escalation and whom its
 * path sends it to. Detection runs at the start of each firm day and right after each recorded act (the
 * live scheduler runs every minute: a replay's escalation reaches its next step at the first of those
 * passes past its timeout).
 * A recorded command the playbook refuses (completing a milestone it does not plan) is counted and
 * skipped. Pure: nothing is stored or published.
 */
public final class MatterReplay {

    private final MatterDecider decider;
    private final ZoneId zone;
    private final BusinessCalendar calendar;

    public MatterReplay(MatterDecider decider, ZoneId zone, BusinessCalendar calendar) {
        this.decider = decider;
        this.zone = zone;
        this.calendar = calendar;
    }

    /** The history re-decided under {@code playbook}, detection running through {@code through}. */
    public MatterOutcome replay(
            List<Recorded> history, PlaybookPublished playbook, EscalationRoutes routes, LocalDate through) {
        Run run = new Run(playbook, routes);
        Recorded previous = null;
        for (Recorded recorded : history) {
            LocalDate day = day(recorded.occurredAt());
            run.detectThrough(day);
            if (run.replay(recorded, previous, day)) {
                run.detect(day, recorded.occurredAt());
            }
            previous = recorded;
        }
        run.detectThrough(through);
        return run.ledger.outcome(run.matter, through);
    }

    /**
     * The history as it was recorded, read the same way (what a replay under its own version must give),
     * and the matter it folds to.
     */
    public AsRecorded recorded(List<Recorded> history, LocalDate through) {
        OutcomeLedger ledger = new OutcomeLedger();
        Matter matter = decider.initialState();
        for (Recorded recorded : history) {
            matter = decider.evolve(matter, recorded.event());
            ledger.observe(recorded.event(), day(recorded.occurredAt()));
        }
        return new AsRecorded(matter, ledger.outcome(matter, through));
    }

    /** A recorded history's matter, and its outcome. */
    public record AsRecorded(Matter matter, MatterOutcome outcome) {}

    private LocalDate day(Instant at) {
        return at.atZone(zone).toLocalDate();
    }

    /** One matter's replay: its state, the ledger of its outcome, and the days detection has run. */
    private final class Run {

        private final PlaybookPublished playbook;
        private final EscalationRoutes routes;
        private final OutcomeLedger ledger = new OutcomeLedger();
        private Matter matter = decider.initialState();
        private LocalDate detectedThrough;

        Run(PlaybookPublished playbook, EscalationRoutes routes) {
            this.playbook = playbook;
            this.routes = routes;
        }

        /** Detection at the start of every day after the last one it ran, through {@code day}. */
        void detectThrough(LocalDate day) {
            LocalDate next = detectedThrough == null ? day : detectedThrough.plusDays(1);
            for (LocalDate d = next; !d.isAfter(day); d = d.plusDays(1)) {
                detect(d, d.atStartOfDay(zone).toInstant());
                detectedThrough = d;
            }
        }

        /** A detection pass on {@code day} at {@code at}, while the matter is pending or open. */
        void detect(LocalDate day, Instant at) {
            if (matter.status() == MatterStatus.OPEN || matter.status() == MatterStatus.PENDING) {
                apply(decider.decide(new Detect(day, playbook.thresholds(), routes, at), matter), day);
            }
        }

        /**
         * Replays one recorded event: applied as recorded, decided again as the command it was, or (when
         * Lanes decided it) dropped. True for a person's act, after which the live scheduler's next pass
         * (within a minute) detects what the act changed: a milestone planned already late, say.
         */
        boolean replay(Recorded recorded, Recorded previous, LocalDate day) {
            Object event = recorded.event();
            if (derived(event, previous)) {
                return false;
            }
            MatterCommand command = command(event, day);
            if (command == null) {
                apply(List.of(event), day);
                return true;
            }
            try {
                apply(decider.decide(command, matter), day);
            } catch (DomainException refused) {
                ledger.refused();
            }
            return true;
        }

        private void apply(List<Object> events, LocalDate day) {
            for (Object event : events) {
                matter = decider.evolve(matter, event);
                ledger.observe(event, day);
            }
        }

        /**
         * Whether Lanes decided this event rather than a person: a replay decides it again, or not at all.
         * A phase's budget revision records the TOTAL's move right after it, at the same instant.
         */
        private boolean derived(Object event, Recorded previous) {
            if (event instanceof MilestoneSlipped
                    || event instanceof DeadlineMissed
                    || event instanceof BudgetVariance
                    || event instanceof EscalationRaised) {
                return true;
            }
            if (event instanceof EscalationReassigned reassigned) {
                return reassigned.reason() != ReassignmentReason.MANUAL;
            }
            if (event instanceof EscalationResolved resolved) {
                return EscalationRules.LANES.equals(resolved.resolvedBy());
            }
            if (event instanceof BudgetRevised revised && BudgetRules.TOTAL.equals(revised.phase())) {
                return previous != null
                        && previous.event() instanceof BudgetRevised phase
                        && !BudgetRules.TOTAL.equals(phase.phase())
                        && phase.occurredAt().equals(revised.occurredAt());
            }
            return false;
        }

        /** The command a person's recorded act was, under this playbook; null to apply the event as recorded. */
        private MatterCommand command(Object event, LocalDate day) {
            if (event instanceof HandoffAccepted accepted) {
                return acceptance(accepted, day);
            }
            if (event instanceof HandoffRejected rejected) {
                return new RejectHandoff(rejected.rejectedBy(), rejected.reasons(), rejected.occurredAt());
            }
            if (event instanceof MilestoneReplanned replanned) {
                // The recorded move stands; a hard deadline was only ever moved as a correction.
                return new ReplanMilestone(
                        replanned.milestoneId(),
                        replanned.dueDate(),
                        replanned.reason(),
                        replanned.replannedBy(),
                        true,
                        replanned.occurredAt());
            }
            if (event instanceof MilestoneCompleted completed) {
                return new CompleteMilestone(
                        completed.milestoneId(),
                        completed.completedOn(),
                        later(day, completed.completedOn()),
                        completed.occurredAt());
            }
            if (event instanceof TaskCompleted completed) {
                return new CompleteTask(
                        completed.taskId(),
                        completed.completedOn(),
                        later(day, completed.completedOn()),
                        completed.occurredAt());
            }
            if (event instanceof TaskBlocked blocked) {
                return new BlockTask(blocked.taskId(), blocked.reason(), routes, blocked.occurredAt());
            }
            if (event instanceof TimeRecorded time) {
                return new RecordTime(
                        time.entryId(),
                        time.timekeeper(),
                        time.timekeeperRole(),
                        time.workDate(),
                        time.hours(),
                        time.amount(),
                        time.phase(),
                        time.taskCode(),
                        time.activityCode(),
                        time.billable(),
                        time.admin(),
                        time.timekeeperName(),
                        time.description(),
                        playbook.thresholds(),
                        routes,
                        time.occurredAt());
            }
            if (event instanceof BudgetRevised revised) {
                return new ReviseBudget(
                        revised.phase(),
                        revised.amount(),
                        revised.reason(),
                        revised.revisedBy(),
                        playbook.thresholds(),
                        routes,
                        revised.occurredAt());
            }
            if (event instanceof StatusUpdateSent update) {
                return new SendStatusUpdate(
                        update.updateId(),
                        update.sentOn(),
                        later(day, update.sentOn()),
                        update.summary(),
                        playbook.thresholds().statusUpdateCadenceDays(),
                        update.occurredAt());
            }
            if (event instanceof EscalationResolved resolved) {
                return new ResolveEscalation(
                        resolved.escalationId(), resolved.resolution(), resolved.resolvedBy(), resolved.occurredAt());
            }
            if (event instanceof EscalationReassigned reassigned) {
                return new ReassignEscalation(
                        reassigned.escalationId(), reassigned.assignedTo(), reassigned.occurredAt());
            }
            if (event instanceof MatterClosed closed) {
                return new CloseMatter(closed.closedOn(), closed.outcome(), closed.occurredAt());
            }
            return null;
        }

        /**
         * The acceptance as the PM made it (who, which day, the number given, and every part of the plan
         * they overrode: those due dates, owners, assignees and budget stand), planned from this playbook.
         */
        private AcceptHandoff acceptance(HandoffAccepted accepted, LocalDate day) {
            List<String> overrides = accepted.planOverrides();
            Map<String, LocalDate> dueDates = new HashMap<>();
            Map<String, String> owners = new HashMap<>();
            for (PlannedMilestone m : accepted.milestones()) {
                if (m.templateKey() != null && overrides.contains("milestone:" + m.templateKey())) {
                    dueDates.put(m.templateKey(), m.dueDate());
                    owners.put(m.templateKey(), m.owner());
                }
            }
            Map<String, LocalDate> taskDueDates = new HashMap<>();
            Map<String, String> assignees = new HashMap<>();
            for (PlannedTask t : accepted.tasks()) {
                if (t.templateKey() != null && overrides.contains("task:" + t.templateKey())) {
                    taskDueDates.put(t.templateKey(), t.dueDate());
                    assignees.put(t.templateKey(), t.assignee());
                }
            }
            BigDecimal budget = overrides.contains("budget") ? accepted.budget().total() : null;
            return new AcceptHandoff(
                    accepted.matterNumber(),
                    accepted.acceptedBy(),
                    day,
                    playbook,
                    calendar,
                    dueDates,
                    owners,
                    budget,
                    taskDueDates,
                    assignees,
                    accepted.occurredAt());
        }

        /** The firm's date the act was recorded on, never before the date it names (which the live path checked). */
        private LocalDate later(LocalDate day, LocalDate named) {
            return named.isAfter(day) ? named : day;
        }
    }
}
