package io.lanes.kpi.readmodel;

import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.LanesEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeEvent;
import io.lanes.contracts.intake.IntakeIncomplete;
import io.lanes.contracts.matter.BudgetRevised;
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
import io.lanes.contracts.matter.MatterEvent;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.matter.StatusUpdateSent;
import io.lanes.contracts.matter.TaskAssigned;
import io.lanes.contracts.matter.TaskCompleted;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.WriteDownRecorded;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What one consumed event writes: its fact, and its rows of the typed read models. Pure: the same
 * event always gives the same rows, and {@link ReadModel}'s merges make their order irrelevant.
 */
public final class ReadModelRows {

    /** profile_rank of kpi_matter: intake-complete < handoff-received (by packet attempt) < handoff-accepted. */
    private static final int INTAKE_RANK = 1_000_000;

    private static final int RECEIVED_RANK = 2_000_000;
    private static final int ACCEPTED_RANK = 3_000_000;

    private ReadModelRows() {}

    public static List<ReadModelRow> of(IncomingEvent incoming) {
        UUID ceId = incoming.envelope().id();
        LanesEvent event = incoming.event();
        List<ReadModelRow> rows = new ArrayList<>();
        rows.add(ReadModelRow.of(
                ReadModel.FACT,
                ceId,
                incoming.envelope().type(),
                incoming.envelope().subject(),
                matterOf(event),
                incoming.envelope().time(),
                new String(incoming.envelope().data(), StandardCharsets.UTF_8)));
        typed(ceId, event, rows);
        return rows;
    }

    /** The matter a matter or intake event belongs to (an intake's matter id derives from its id). */
    private static UUID matterOf(LanesEvent event) {
        if (event instanceof MatterEvent matter) {
            return matter.matterId();
        }
        if (event instanceof IntakeEvent intake) {
            return MatterIds.fromIntake(intake.intakeId());
        }
        return null;
    }

    private static void typed(UUID ceId, LanesEvent event, List<ReadModelRow> rows) {
        if (event instanceof IntakeComplete e) {
            intakeComplete(e, rows);
        } else if (event instanceof IntakeIncomplete e) {
            rows.add(intake(e.intakeId(), e.practiceArea(), e.matterType(), e.attempt(), null, e, false, null));
            known(rows, e.practiceArea(), e.matterType(), null);
        } else if (event instanceof HandoffReceived e) {
            rows.add(profile(e.matterId(), e.practiceArea(), e.matterType(), e.team(), RECEIVED_RANK + e.attempt())
                    .row());
            known(rows, e.practiceArea(), e.matterType(), e.team());
        } else if (event instanceof HandoffAccepted e) {
            accepted(ceId, e, rows);
        } else if (event instanceof HandoffRejected e) {
            rows.add(ReadModelRow.of(
                    ReadModel.REJECTION,
                    ceId,
                    e.matterId(),
                    e.occurredAt(),
                    e.reasons().stream().map(r -> r.code().name()).collect(Collectors.joining(","))));
        } else if (event instanceof PlaybookPublished e) {
            rows.add(ReadModelRow.of(
                    ReadModel.PLAYBOOK,
                    e.matterType(),
                    e.version(),
                    e.occurredAt(),
                    e.thresholds().billingTimelinessHours()));
            known(rows, e.practiceArea(), e.matterType(), null);
        } else {
            milestoneOrTask(ceId, event, rows);
        }
    }

    private static void intakeComplete(IntakeComplete e, List<ReadModelRow> rows) {
        String team = e.routing() == null ? null : e.routing().team();
        String attorney = e.routing() == null ? null : e.routing().responsibleAttorney();
        rows.add(intake(e.intakeId(), e.practiceArea(), e.matterType(), e.attempt(), team, e, true, e.occurredAt()));
        UUID matter = MatterIds.fromIntake(e.intakeId());
        rows.add(profile(matter, e.practiceArea(), e.matterType(), team, INTAKE_RANK)
                .set("responsible_attorney", attorney)
                .set("playbook_version", e.playbookVersion())
                .set("plan_rank", 1)
                .row());
        known(rows, e.practiceArea(), e.matterType(), team);
    }

    private static ReadModelRow intake(
            UUID intakeId,
            String area,
            String type,
            int attempt,
            String team,
            LanesEvent event,
            boolean complete,
            Instant completedAt) {
        return ReadModelRow.of(
                ReadModel.INTAKE,
                intakeId,
                area,
                type,
                attempt,
                team,
                attempt == 1 ? event.occurredAt() : null,
                complete && attempt == 1,
                completedAt);
    }

    private static void accepted(UUID ceId, HandoffAccepted e, List<ReadModelRow> rows) {
        rows.add(profile(e.matterId(), e.practiceArea(), e.matterType(), e.team(), ACCEPTED_RANK)
                .set("responsible_attorney", e.responsibleAttorney())
                .set("playbook_version", e.playbookVersion())
                .set("plan_rank", 2)
                .set("accepted_at", e.occurredAt())
                .set("intake_received_at", e.intakeReceivedAt())
                .set("matter_number", e.matterNumber())
                .set("plan_overrides", String.join(",", e.planOverrides()))
                .set("currency", e.currency())
                .set("budget", e.budget().total())
                .set("planned_close", e.plannedCloseDate())
                .row());
        for (PhaseAmount phase : e.budget().phases()) {
            rows.add(ReadModelRow.in(ReadModel.PHASE_BUDGET)
                    .set("matter_id", e.matterId())
                    .set("phase", phase.code())
                    .set("budget", phase.amount())
                    .row());
        }
        for (PlannedMilestone m : e.milestones()) {
            rows.add(planned(
                    m.milestoneId(),
                    e.matterId(),
                    m.templateKey(),
                    m.phase(),
                    m.hardDeadline(),
                    m.dueDate(),
                    e.occurredAt()));
        }
        // The playbook's tasks are assigned by the acceptance, as a task-assigned event assigns one.
        for (PlannedTask t : e.tasks()) {
            rows.add(ReadModelRow.in(ReadModel.TASK)
                    .set("task_id", t.taskId())
                    .set("matter_id", e.matterId())
                    .set("assigned_due", t.dueDate())
                    .set("assigned_key", precedence(e.occurredAt(), ceId))
                    .row());
        }
        known(rows, e.practiceArea(), e.matterType(), e.team());
    }

    private static ReadModelRow planned(
            UUID milestoneId,
            UUID matterId,
            String templateKey,
            String phase,
            boolean hardDeadline,
            Object baselineDue,
            Instant plannedAt) {
        return ReadModelRow.in(ReadModel.MILESTONE)
                .set("milestone_id", milestoneId)
                .set("matter_id", matterId)
                .set("template_key", templateKey)
                .set("phase", phase)
                .set("hard_deadline", hardDeadline)
                .set("baseline_due", baselineDue)
                .set("planned_at", plannedAt)
                .row();
    }

    private static void milestoneOrTask(UUID ceId, LanesEvent event, List<ReadModelRow> rows) {
        if (event instanceof MilestonePlanned e) {
            rows.add(planned(
                    e.milestoneId(),
                    e.matterId(),
                    e.templateKey(),
                    e.phase(),
                    e.hardDeadline(),
                    e.dueDate(),
                    e.occurredAt()));
        } else if (event instanceof MilestoneReplanned e) {
            rows.add(ReadModelRow.of(ReadModel.REPLAN, ceId, e.milestoneId(), e.occurredAt()));
        } else if (event instanceof MilestoneCompleted e) {
            rows.add(milestone(e.milestoneId(), e.matterId())
                    .set("completed_on", e.completedOn())
                    .set("completed_at", e.occurredAt())
                    .set("completed_on_time", e.onTime())
                    .row());
        } else if (event instanceof MilestoneSlipped e) {
            rows.add(milestone(e.milestoneId(), e.matterId())
                    .set("slipped_at", e.occurredAt())
                    .row());
            rows.add(ReadModelRow.of(ReadModel.SLIP, ceId, e.matterId(), e.occurredAt()));
        } else if (event instanceof DeadlineMissed e) {
            rows.add(milestone(e.milestoneId(), e.matterId())
                    .set("deadline_missed_at", e.occurredAt())
                    .row());
        } else if (event instanceof TaskAssigned e) {
            rows.add(ReadModelRow.in(ReadModel.TASK)
                    .set("task_id", e.taskId())
                    .set("matter_id", e.matterId())
                    .set("assigned_due", e.dueDate())
                    .set("assigned_key", precedence(e.occurredAt(), ceId))
                    .row());
        } else if (event instanceof TaskCompleted e) {
            rows.add(ReadModelRow.in(ReadModel.TASK)
                    .set("task_id", e.taskId())
                    .set("matter_id", e.matterId())
                    .set("completed_due", e.dueDate())
                    .set("completed_on", e.completedOn())
                    .set("completed_at", e.occurredAt())
                    .set("on_time", e.onTime())
                    .row());
        } else {
            matterActivity(ceId, event, rows);
        }
    }

    private static void matterActivity(UUID ceId, LanesEvent event, List<ReadModelRow> rows) {
        if (event instanceof TimeRecorded e) {
            rows.add(ReadModelRow.of(
                    ReadModel.TIME,
                    ceId,
                    e.matterId(),
                    e.occurredAt(),
                    e.workDate(),
                    e.hours(),
                    e.amount(),
                    e.phase(),
                    e.timekeeper(),
                    e.timekeeperRole().name(),
                    e.admin()));
        } else if (event instanceof BudgetRevised e) {
            revised(ceId, e, rows);
        } else if (event instanceof BudgetVariance e) {
            rows.add(ReadModelRow.of(
                    ReadModel.BUDGET_ALERT,
                    ceId,
                    e.matterId(),
                    e.occurredAt(),
                    e.level().name()));
        } else if (event instanceof StatusUpdateSent e) {
            rows.add(ReadModelRow.of(
                    ReadModel.STATUS_UPDATE, e.updateId(), e.matterId(), e.occurredAt(), e.dueBy(), e.onTime()));
        } else if (event instanceof EscalationRaised e) {
            rows.add(ReadModelRow.of(
                    ReadModel.ESCALATION,
                    e.escalationId(),
                    e.matterId(),
                    e.cause().name(),
                    e.severity().name(),
                    e.relatedId(),
                    e.assignedTo(),
                    e.occurredAt(),
                    null));
        } else if (event instanceof EscalationResolved e) {
            rows.add(ReadModelRow.in(ReadModel.ESCALATION)
                    .set("escalation_id", e.escalationId())
                    .set("matter_id", e.matterId())
                    .set("cause", e.cause().name())
                    .set("raised_at", e.raisedAt())
                    .set("resolved_at", e.occurredAt())
                    .row());
        } else if (event instanceof WriteDownRecorded e) {
            rows.add(ReadModelRow.of(
                    ReadModel.WRITE_DOWN,
                    ceId,
                    e.matterId(),
                    e.occurredAt(),
                    e.amount(),
                    e.cause().name()));
        } else if (event instanceof ClientFeedbackRecorded e) {
            rows.add(ReadModelRow.of(ReadModel.FEEDBACK, ceId, e.matterId(), e.occurredAt(), e.score()));
        } else if (event instanceof MatterClosed e) {
            rows.add(ReadModelRow.in(ReadModel.MATTER)
                    .set("matter_id", e.matterId())
                    .set("closed_at", e.occurredAt())
                    .set("opened_on", e.openedOn())
                    .set("closed_on", e.closedOn())
                    .set("close_planned", e.plannedCloseDate())
                    .row());
        } else if (event instanceof EthicalScreenAdded e) {
            rows.add(ReadModelRow.of(ReadModel.SCREEN, e.matterId(), e.user(), true, precedence(e.occurredAt(), ceId)));
        } else if (event instanceof EthicalScreenLifted e) {
            rows.add(
                    ReadModelRow.of(ReadModel.SCREEN, e.matterId(), e.user(), false, precedence(e.occurredAt(), ceId)));
        }
    }

    /** A matter's profile from a source of {@code rank} (the strongest source seen wins, column by column). */
    private static ReadModelRow.Partial profile(UUID matterId, String area, String type, String team, int rank) {
        return ReadModelRow.in(ReadModel.MATTER)
                .set("matter_id", matterId)
                .set("practice_area", area)
                .set("matter_type", type)
                .set("team", team)
                .set("profile_rank", rank);
    }

    private static ReadModelRow.Partial milestone(UUID milestoneId, UUID matterId) {
        return ReadModelRow.in(ReadModel.MILESTONE)
                .set("milestone_id", milestoneId)
                .set("matter_id", matterId);
    }

    private static void known(List<ReadModelRow> rows, String practiceArea, String matterType, String team) {
        if (practiceArea != null) {
            rows.add(ReadModelRow.of(ReadModel.KNOWN_VALUE, "practiceArea", practiceArea));
        }
        if (matterType != null) {
            rows.add(ReadModelRow.of(ReadModel.KNOWN_VALUE, "matterType", matterType));
        }
        if (team != null) {
            rows.add(ReadModelRow.of(ReadModel.KNOWN_VALUE, "team", team));
        }
    }

    /** A revision is kept with its time; the phase (or matter, for the TOTAL) is marked as revised. */
    private static void revised(UUID ceId, BudgetRevised e, List<ReadModelRow> rows) {
        rows.add(ReadModelRow.of(ReadModel.BUDGET_REVISION, ceId, e.matterId(), e.phase(), e.amount(), e.occurredAt()));
        if (BudgetRevised.TOTAL.equals(e.phase())) {
            rows.add(ReadModelRow.in(ReadModel.MATTER)
                    .set("matter_id", e.matterId())
                    .set("budget_revised", true)
                    .row());
        } else {
            rows.add(ReadModelRow.in(ReadModel.PHASE_BUDGET)
                    .set("matter_id", e.matterId())
                    .set("phase", e.phase())
                    .set("revised", true)
                    .row());
        }
    }

    /** Orders two events of one thing: by occurrence, then by event id (text that sorts as it reads). */
    private static String precedence(Instant occurredAt, UUID ceId) {
        return String.format("%019d/%s", ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt), ceId);
    }
}
