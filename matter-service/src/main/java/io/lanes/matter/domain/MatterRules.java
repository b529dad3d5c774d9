package io.lanes.matter.domain;

import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.Refused;
import io.lanes.platform.domain.RuleBroken;
import io.lanes.platform.domain.Violation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The state checks every matter command shares, with the stable rule codes clients may switch on,
 * and the ids derived from what they are about (so deciding twice on one state gives the same events).
 */
final class MatterRules {

    static final String HANDOFF_NOT_PENDING = "HANDOFF_NOT_PENDING";
    static final String MATTER_NOT_OPEN = "MATTER_NOT_OPEN";
    static final String MILESTONE_COMPLETED = "MILESTONE_ALREADY_COMPLETED";
    static final String TASK_COMPLETED = "TASK_ALREADY_COMPLETED";
    static final String ESCALATION_RESOLVED = "ESCALATION_ALREADY_RESOLVED";
    static final String HARD_DEADLINE_FIXED = "HARD_DEADLINE_FIXED";
    static final String DATE_IN_FUTURE = "DATE_IN_FUTURE";
    static final String DATE_BEFORE_OPENING = "DATE_BEFORE_OPENING";

    private MatterRules() {}

    /**
     * A date something was done on the matter (a completion, an update sent) lies between the matter's
     * opening and the firm's today: a later one has not happened yet, an earlier one is a typo that would
     * count as done before the matter existed.
     */
    static LocalDate requireWithinMatter(Matter matter, LocalDate date, LocalDate today, String field) {
        if (date.isAfter(today)) {
            throw new Refused(
                    DATE_IN_FUTURE,
                    field + " " + date + " is after today, " + today + " in the firm's time zone",
                    List.of(new Violation(field, "must not be later than today (" + today + ")", "not-future")));
        }
        if (matter.openedOn() != null && date.isBefore(matter.openedOn())) {
            throw new Refused(
                    DATE_BEFORE_OPENING,
                    field + " " + date + " is before the matter was opened on " + matter.openedOn(),
                    List.of(new Violation(
                            field,
                            "must not be earlier than the matter's opening (" + matter.openedOn() + ")",
                            "not-before-opening")));
        }
        return date;
    }

    static Matter requirePending(Matter matter) {
        requireKnown(matter);
        if (matter.status() != MatterStatus.PENDING) {
            throw new RuleBroken(
                    HANDOFF_NOT_PENDING,
                    "The handoff of matter " + matter.id() + " is " + matter.status() + ", not PENDING");
        }
        return matter;
    }

    static Matter requireOpen(Matter matter) {
        requireKnown(matter);
        if (matter.status() != MatterStatus.OPEN) {
            throw new RuleBroken(
                    MATTER_NOT_OPEN,
                    "Matter " + matter.id() + " is " + matter.status() + "; only an open matter takes this");
        }
        return matter;
    }

    /** Open or closed: a matter a PM accepted, whose history stays addressable after it closes. */
    static Matter requireAccepted(Matter matter) {
        requireKnown(matter);
        if (matter.status() != MatterStatus.OPEN && matter.status() != MatterStatus.CLOSED) {
            throw new RuleBroken(
                    MATTER_NOT_OPEN, "Matter " + matter.id() + " is " + matter.status() + "; it was never accepted");
        }
        return matter;
    }

    static Matter requireKnown(Matter matter) {
        if (matter.status() == MatterStatus.NONE) {
            throw new NotFound("matter", "");
        }
        return matter;
    }

    /** The escalation, still open; 404 when the matter has none by that id. */
    static Escalation openEscalation(Matter matter, UUID escalationId) {
        Escalation escalation = matter.escalations().get(escalationId);
        if (escalation == null) {
            throw new NotFound("escalation", escalationId);
        }
        if (!escalation.open()) {
            throw new RuleBroken(ESCALATION_RESOLVED, "Escalation " + escalation.id() + " was resolved already");
        }
        return escalation;
    }

    /** The task, not yet completed; 404 when the matter has none by that id. */
    static Task openTask(Matter matter, UUID taskId) {
        Task task = matter.tasks().get(taskId);
        if (task == null) {
            throw new NotFound("task", taskId);
        }
        if (task.completedOn() != null) {
            throw new RuleBroken(TASK_COMPLETED, "Task " + task.id() + " was completed on " + task.completedOn());
        }
        return task;
    }

    static Milestone openMilestone(Matter matter, UUID milestoneId) {
        Milestone milestone = requireOpen(matter).milestones().get(milestoneId);
        if (milestone == null) {
            throw new NotFound("milestone", milestoneId);
        }
        if (milestone.completed()) {
            throw new RuleBroken(
                    MILESTONE_COMPLETED,
                    "Milestone " + milestone.name() + " was completed on " + milestone.completedOn());
        }
        return milestone;
    }

    static UUID derivedId(UUID matterId, String what) {
        return UUID.nameUUIDFromBytes((matterId + ":" + what).getBytes(StandardCharsets.UTF_8));
    }
}
