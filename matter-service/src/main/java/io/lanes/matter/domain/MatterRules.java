package io.lanes.matter.domain;

import io.lanes.platform.domain.NotFound;
import io.lanes.platform.domain.RuleBroken;
import java.nio.charset.StandardCharsets;
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

    private MatterRules() {}

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
