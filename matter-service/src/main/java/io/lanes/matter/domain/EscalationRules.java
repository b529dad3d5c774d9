package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.ReassignmentReason;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.TaskBlocked;
import io.lanes.matter.domain.MatterCommand.BlockTask;
import io.lanes.matter.domain.MatterCommand.Detect;
import io.lanes.matter.domain.MatterCommand.ReassignEscalation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Escalations that warn before damage and reach the right person: raised to the first step of the
 * playbook's path for their cause, sent up the path while they stay unresolved, raised for a handoff
 * left waiting, a hard deadline drawing near and a blocked task, and resolved by the matter itself when
 * their cause goes away. Each is raised once per cause and subject: its id is derived from them, and an
 * id the matter already holds is not raised again.
 */
final class EscalationRules {

    /** Who resolves an escalation whose cause went away (the handoff was taken, the deadline met). */
    static final String LANES = "lanes";

    private EscalationRules() {}

    static EscalationRaised raise(
            Matter matter,
            UUID escalationId,
            EscalationCause cause,
            Severity severity,
            String relatedId,
            EscalationRoutes routes,
            Instant at) {
        return new EscalationRaised(
                matter.id(), escalationId, cause, severity, relatedId, routes.firstAssignee(cause, matter), at);
    }

    /** Each open escalation that stayed unresolved long enough goes to the step of its path it reached. */
    static List<Object> reassignments(Detect detect, Matter matter) {
        List<Object> events = new ArrayList<>();
        for (Escalation escalation : matter.escalations().values()) {
            if (!escalation.open()) {
                continue;
            }
            detect.routes()
                    .due(escalation, matter, detect.at())
                    .ifPresent(next -> events.add(new EscalationReassigned(
                            matter.id(),
                            escalation.id(),
                            escalation.cause(),
                            next.level(),
                            escalation.assignedTo(),
                            next.assignTo(),
                            ReassignmentReason.UNRESOLVED_TIMEOUT,
                            detect.at())));
        }
        return events;
    }

    /**
     * A manual hand-over of an open escalation: it keeps its step of the path, so the next timeout still
     * sends it up. Handing it to whoever has it already changes nothing.
     */
    static List<Object> reassign(ReassignEscalation reassign, Matter matter) {
        Escalation escalation = MatterRules.openEscalation(matter, reassign.escalationId());
        if (escalation.assignedTo().equals(reassign.assignTo())) {
            return List.of();
        }
        return List.of(new EscalationReassigned(
                matter.id(),
                escalation.id(),
                escalation.cause(),
                escalation.level(),
                escalation.assignedTo(),
                reassign.assignTo(),
                ReassignmentReason.MANUAL,
                reassign.at()));
    }

    /** A pending handoff older than the playbook's {@code handoffWaitHours}: once per packet attempt. */
    static List<Object> handoffWaiting(Detect detect, Matter matter) {
        BigDecimal waited = EscalationRoutes.hoursBetween(matter.packet().occurredAt(), detect.at());
        UUID escalationId = derivedId(
                matter.id(),
                "handoff-waiting:" + matter.packet().intakeId() + ":"
                        + matter.packet().attempt());
        if (waited.compareTo(detect.thresholds().handoffWaitHours()) < 0
                || matter.escalations().containsKey(escalationId)) {
            return List.of();
        }
        return List.of(raise(
                matter,
                escalationId,
                EscalationCause.HANDOFF_WAITING,
                Severity.WARNING,
                matter.packet().intakeId().toString(),
                detect.routes(),
                detect.at()));
    }

    /** An open hard-deadline milestone due within {@code deadlineWarningDays}: once per milestone and due date. */
    static List<Object> deadlineApproaching(Detect detect, Matter matter, Milestone milestone) {
        LocalDate today = detect.today();
        if (!milestone.hardDeadline()
                || milestone.dueDate().isBefore(today)
                || milestone
                        .dueDate()
                        .isAfter(today.plusDays(detect.thresholds().deadlineWarningDays()))) {
            return List.of();
        }
        // Derived only for a deadline in the window: detection asks of every milestone every pass.
        UUID escalationId =
                derivedId(matter.id(), "deadline-approaching:" + milestone.id() + ":" + milestone.dueDate());
        if (matter.escalations().containsKey(escalationId)) {
            return List.of();
        }
        return List.of(raise(
                matter,
                escalationId,
                EscalationCause.DEADLINE_APPROACHING,
                Severity.CRITICAL,
                milestone.id().toString(),
                detect.routes(),
                detect.at()));
    }

    /** A blocked task raises TASK_BLOCKED; a task already blocked (its escalation open) changes nothing. */
    static List<Object> blockTask(BlockTask block, Matter matter) {
        Task task = MatterRules.openTask(matter, block.taskId());
        String subject = task.id().toString();
        List<Escalation> earlier = matter.escalations().values().stream()
                .filter(e -> e.cause() == EscalationCause.TASK_BLOCKED
                        && e.relatedId().equals(subject))
                .toList();
        if (earlier.stream().anyMatch(Escalation::open)) {
            return List.of();
        }
        UUID escalationId = derivedId(matter.id(), "task-blocked:" + task.id() + ":" + earlier.size());
        return List.of(
                new TaskBlocked(matter.id(), task.id(), task.assignee(), block.reason(), escalationId, block.at()),
                raise(
                        matter,
                        escalationId,
                        EscalationCause.TASK_BLOCKED,
                        Severity.WARNING,
                        subject,
                        block.routes(),
                        block.at()));
    }

    /** Resolutions of the open escalations of {@code cause} about {@code relatedId} (any, when null). */
    static List<Object> resolveOpen(
            Matter matter, EscalationCause cause, String relatedId, String resolution, Instant at) {
        List<Object> events = new ArrayList<>();
        for (Escalation e : matter.escalations().values()) {
            if (e.open() && e.cause() == cause && (relatedId == null || relatedId.equals(e.relatedId()))) {
                events.add(new EscalationResolved(matter.id(), e.id(), e.cause(), e.raisedAt(), LANES, resolution, at));
            }
        }
        return events;
    }
}
