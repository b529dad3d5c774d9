package io.lanes.matter.domain;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.VarianceLevel;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What a candidate playbook would have changed on the matters of one type accepted in a window, beside
 * what the versions they ran on gave: both sides replayed from the same recorded history by the same
 * decider, so every difference is the playbook's.
 *
 * @param candidateVersion the version the candidate would be published as
 * @param through the day the replay ran detection to (the matters' history as of then)
 * @param matters the matters replayed
 * @param reproduced how many of them the replay under their own version gave exactly the warnings recorded
 *     live (slips, missed deadlines, budget alerts on their days, escalations and their assignees); the
 *     rest differ by the replay's once-a-day detection or by a detection pass the live service missed
 * @param refusedAsWas recorded acts the versions as they were refused on replay (0 when reproduced)
 * @param refusedCandidate recorded acts the candidate refuses, e.g. completing a milestone it no longer plans
 */
public record ReplayReport(
        String matterType,
        int candidateVersion,
        LocalDate from,
        LocalDate to,
        LocalDate through,
        int matters,
        int reproduced,
        List<ReplayKpi> kpis,
        List<MilestoneChange> milestones,
        List<BudgetAlertChange> budgetAlerts,
        List<EscalationChange> escalations,
        int refusedAsWas,
        int refusedCandidate) {

    /** A measure on both sides: a share (count of of) or a count (of matters). */
    public record ReplayKpi(String key, Unit unit, Measure asWas, Measure candidate, BigDecimal difference) {}

    public enum Unit {
        SHARE,
        COUNT
    }

    /** {@code value} is {@code count / of} for a share (null when {@code of} is 0), {@code count} for a count. */
    public record Measure(BigDecimal value, long count, long of) {}

    /** A milestone whose fate differs: slipped, missed or on time on one side only, or planned on one only. */
    public record MilestoneChange(
            UUID matterId,
            String matterNumber,
            UUID milestoneId,
            String name,
            String templateKey,
            MilestoneSide asWas,
            MilestoneSide candidate) {}

    /** A milestone on one side; null where that side does not plan it. */
    public record MilestoneSide(
            LocalDate baselineDueDate,
            LocalDate completedOn,
            boolean onTime,
            LocalDate slippedOn,
            boolean deadlineMissed) {}

    /**
     * A budget level reached on a different day or on one side only.
     *
     * @param daysEarlier how many days earlier the candidate warns (negative: later); null when one side never does
     */
    public record BudgetAlertChange(
            UUID matterId,
            String matterNumber,
            String phase,
            VarianceLevel level,
            LocalDate asWasOn,
            LocalDate candidateOn,
            Integer daysEarlier) {}

    /** An escalation raised on one side only, or sent to someone else. */
    public record EscalationChange(
            UUID matterId,
            String matterNumber,
            UUID escalationId,
            EscalationCause cause,
            String relatedId,
            EscalationChangeKind change,
            LocalDate raisedOn,
            String asWasAssignee,
            String candidateAssignee) {}

    public enum EscalationChangeKind {
        /** Only the candidate raises it. */
        ADDED,
        /** Only the version as it was raised it. */
        REMOVED,
        /** Both raise it; it ends with someone else. */
        REROUTED
    }
}
