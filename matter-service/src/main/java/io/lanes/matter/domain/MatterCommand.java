package io.lanes.matter.domain;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.contracts.matter.TimekeeperRole;
import io.lanes.contracts.matter.WriteDownCause;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What can happen to a matter: from the handoff, from the PM, and from detection. */
public sealed interface MatterCommand {

    /** A complete handoff packet arrived from intake. */
    record ReceiveHandoff(UUID matterId, IntakeComplete packet, Instant at) implements MatterCommand {}

    /**
     * A PM accepts the handoff on {@code acceptedOn} and the matter gets {@code matterNumber}: the plan
     * comes from the packet's playbook version.
     * Overrides: milestone due dates and owners by template key, an explicit budget total, and task
     * due dates and assignees by task template key.
     */
    record AcceptHandoff(
            String matterNumber,
            String acceptedBy,
            LocalDate acceptedOn,
            PlaybookPublished playbook,
            BusinessCalendar calendar,
            Map<String, LocalDate> dueDateOverrides,
            Map<String, String> ownerOverrides,
            BigDecimal budgetOverride,
            Map<String, LocalDate> taskDueDateOverrides,
            Map<String, String> taskAssigneeOverrides,
            Instant at)
            implements MatterCommand {}

    record RejectHandoff(String rejectedBy, List<RejectionReason> reasons, Instant at) implements MatterCommand {}

    record PlanMilestone(
            UUID milestoneId,
            String name,
            LocalDate dueDate,
            String owner,
            String phase,
            boolean hardDeadline,
            Instant at)
            implements MatterCommand {}

    /**
     * Moves a milestone's due date. A hard deadline (a court or statute date) is not the firm's to move:
     * only an admin's {@code correction} of a wrongly entered date may.
     */
    record ReplanMilestone(
            UUID milestoneId, LocalDate dueDate, String reason, String by, boolean correction, Instant at)
            implements MatterCommand {}

    /** Completion on {@code completedOn}, which may not be after the firm's {@code today} nor before the opening. */
    record CompleteMilestone(UUID milestoneId, LocalDate completedOn, LocalDate today, Instant at)
            implements MatterCommand {}

    record AssignTask(UUID taskId, UUID milestoneId, String title, String assignee, LocalDate dueDate, Instant at)
            implements MatterCommand {}

    /** Completion on {@code completedOn}, which may not be after the firm's {@code today} nor before the opening. */
    record CompleteTask(UUID taskId, LocalDate completedOn, LocalDate today, Instant at) implements MatterCommand {}

    /**
     * Time recorded; the thresholds of the matter's playbook decide whether it crosses a budget level.
     * An entry id already recorded changes nothing, so a re-imported billing line is not counted twice.
     */
    record RecordTime(
            UUID entryId,
            String timekeeper,
            TimekeeperRole role,
            LocalDate workDate,
            BigDecimal hours,
            BigDecimal amount,
            String phase,
            String taskCode,
            String activityCode,
            boolean billable,
            boolean admin,
            String timekeeperName,
            String description,
            Thresholds thresholds,
            EscalationRoutes routes,
            Instant at)
            implements MatterCommand {}

    /**
     * The PM revises a phase's budget (or the TOTAL) for a change of scope; a phase's revision moves the
     * TOTAL by the same difference. The thresholds decide whether the revised amount is already crossed.
     */
    record ReviseBudget(
            String phase,
            BigDecimal amount,
            String reason,
            String by,
            Thresholds thresholds,
            EscalationRoutes routes,
            Instant at)
            implements MatterCommand {}

    /** An update sent on {@code sentOn}, which may not be after the firm's {@code today} nor before the opening. */
    record SendStatusUpdate(
            UUID updateId, LocalDate sentOn, LocalDate today, String summary, int cadenceDays, Instant at)
            implements MatterCommand {}

    record ResolveEscalation(UUID escalationId, String resolution, String by, Instant at) implements MatterCommand {}

    /** A person hands an open escalation to {@code assignTo}; it stays at its step of the path. */
    record ReassignEscalation(UUID escalationId, String assignTo, Instant at) implements MatterCommand {}

    record RecordWriteDown(UUID writeDownId, BigDecimal amount, WriteDownCause cause, String note, Instant at)
            implements MatterCommand {}

    record RecordClientFeedback(UUID feedbackId, int score, String comment, Instant at) implements MatterCommand {}

    /** Links the matter to its id in another system; the same link again changes nothing. */
    record LinkExternalId(String system, String externalId, String by, Instant at) implements MatterCommand {}

    record CloseMatter(LocalDate closedOn, String outcome, Instant at) implements MatterCommand {}

    /** Walls {@code user} off the matter (an ethical screen); screening a screened user changes nothing. */
    record ScreenUser(String user, String reason, String by, Instant at) implements MatterCommand {}

    /** Lifts the ethical screen on {@code user}; lifting a screen that is not there changes nothing. */
    record LiftScreen(String user, String reason, String by, Instant at) implements MatterCommand {}

    /**
     * Detection on {@code today} at {@code at}: slips, missed and approaching hard deadlines, overdue
     * status updates, handoffs waiting too long, and escalations due to go up their path.
     */
    record Detect(LocalDate today, Thresholds thresholds, EscalationRoutes routes, Instant at)
            implements MatterCommand {}

    /** The task cannot go on, for {@code reason}: it raises a TASK_BLOCKED escalation. */
    record BlockTask(UUID taskId, String reason, EscalationRoutes routes, Instant at) implements MatterCommand {}
}
