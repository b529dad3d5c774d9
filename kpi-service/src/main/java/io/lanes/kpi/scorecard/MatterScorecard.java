package io.lanes.kpi.scorecard;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One matter's PM view: milestones on time, overdue tasks, budget variance by phase, open escalations. */
public record MatterScorecard(
        UUID matterId,
        String matterNumber,
        String practiceArea,
        String matterType,
        String team,
        String responsibleAttorney,
        Instant openedAt,
        Instant closedAt,
        Milestones milestones,
        Tasks tasks,
        String currency,
        List<PhaseBudget> budget,
        List<OpenEscalation> openEscalations) {

    /** On time means completed on or before the baseline (first planned) due date, as onTimeMilestoneRate. */
    public record Milestones(
            long total,
            long completed,
            long completedOnTime,
            long slipped,
            long deadlinesMissed,
            BigDecimal onTimeRate) {}

    public record Tasks(long total, long completed, List<OverdueTask> overdue) {}

    public record OverdueTask(UUID taskId, LocalDate dueDate, LocalDate completedOn) {}

    /** Budget and actual of one UTBMS phase, or of the TOTAL; variance is actual against the whole budget. */
    public record PhaseBudget(String phase, BigDecimal budget, BigDecimal actual, BigDecimal variancePct) {}

    public record OpenEscalation(
            UUID escalationId,
            EscalationCause cause,
            Severity severity,
            String relatedId,
            String assignedTo,
            Instant raisedAt) {}
}
