package io.lanes.kpi.scorecard;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.Severity;
import io.lanes.kpi.facts.Facts;
import io.lanes.kpi.facts.MilestoneRecord;
import io.lanes.kpi.facts.TaskRecord;
import io.lanes.kpi.facts.TimeAmount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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

    public record Milestones(
            long total,
            long completed,
            long completedOnTime,
            long slipped,
            long deadlinesMissed,
            BigDecimal onTimeRate) {}

    public record Tasks(long total, long completed, List<OverdueTask> overdue) {}

    public record OverdueTask(UUID taskId, LocalDate dueDate, LocalDate completedOn) {}

    /** Budget and actual of one UTBMS phase, or of the TOTAL. */
    public record PhaseBudget(String phase, BigDecimal budget, BigDecimal actual, BigDecimal variancePct) {}

    public record OpenEscalation(
            UUID escalationId,
            EscalationCause cause,
            Severity severity,
            String relatedId,
            String assignedTo,
            Instant raisedAt) {}

    /** The matter's scorecard as of {@code today}; empty when no acceptance of it is known. */
    public static Optional<MatterScorecard> of(Facts facts, UUID matterId, LocalDate today) {
        Optional<HandoffAccepted> accepted = facts.accepted().stream()
                .filter(a -> a.matterId().equals(matterId))
                .findFirst();
        return accepted.map(a -> {
            var profile = facts.profile(matterId);
            List<MilestoneRecord> milestones = facts.milestones().stream()
                    .filter(m -> m.matterId().equals(matterId))
                    .collect(Collectors.toList());
            long onTime = milestones.stream()
                    .filter(m -> Boolean.TRUE.equals(m.completedOnTime()))
                    .count();
            long decided = milestones.stream()
                    .filter(m -> m.completed() || m.slipped())
                    .count();
            List<TaskRecord> tasks = facts.tasks().stream()
                    .filter(t -> t.matterId().equals(matterId))
                    .collect(Collectors.toList());
            List<OverdueTask> overdue = tasks.stream()
                    .filter(t -> t.overdueAsOf(today))
                    .map(t -> new OverdueTask(t.taskId(), t.dueDate(), t.completedOn()))
                    .collect(Collectors.toList());
            return new MatterScorecard(
                    matterId,
                    a.matterNumber(),
                    profile.practiceArea(),
                    profile.matterType(),
                    profile.team(),
                    profile.responsibleAttorney(),
                    profile.openedAt(),
                    profile.closedAt(),
                    new Milestones(
                            milestones.size(),
                            milestones.stream()
                                    .filter(MilestoneRecord::completed)
                                    .count(),
                            onTime,
                            milestones.stream().filter(MilestoneRecord::slipped).count(),
                            milestones.stream()
                                    .filter(MilestoneRecord::deadlineMissed)
                                    .count(),
                            Stats.rate(onTime, decided, Map.of()).value()),
                    new Tasks(
                            tasks.size(),
                            tasks.stream().filter(t -> t.onTime() != null).count(),
                            overdue),
                    a.currency(),
                    budget(facts, a),
                    openEscalations(facts, matterId));
        });
    }

    private static List<PhaseBudget> budget(Facts facts, HandoffAccepted accepted) {
        Map<String, BigDecimal> actual = facts.timeLedger().stream()
                .filter(t -> t.matterId().equals(accepted.matterId()))
                .collect(Collectors.groupingBy(
                        TimeAmount::phase,
                        LinkedHashMap::new,
                        Collectors.reducing(BigDecimal.ZERO, TimeAmount::amount, BigDecimal::add)));
        List<PhaseBudget> phases = new ArrayList<>();
        for (PhaseAmount phase : accepted.budget().phases()) {
            phases.add(phaseBudget(phase.code(), phase.amount(), actual.getOrDefault(phase.code(), BigDecimal.ZERO)));
        }
        actual.keySet().stream()
                .filter(code -> accepted.budget().phases().stream()
                        .noneMatch(p -> p.code().equals(code)))
                .forEach(code -> phases.add(phaseBudget(code, BigDecimal.ZERO, actual.get(code))));
        phases.add(phaseBudget(
                "TOTAL", accepted.budget().total(), actual.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        return phases;
    }

    private static PhaseBudget phaseBudget(String phase, BigDecimal budget, BigDecimal actual) {
        BigDecimal variance = budget.signum() <= 0
                ? null
                : actual.subtract(budget).multiply(BigDecimal.valueOf(100)).divide(budget, 2, RoundingMode.HALF_UP);
        return new PhaseBudget(phase, budget, actual, variance);
    }

    private static List<OpenEscalation> openEscalations(Facts facts, UUID matterId) {
        Set<UUID> resolved = facts.escalationsResolved().stream()
                .map(EscalationResolved::escalationId)
                .collect(Collectors.toSet());
        return facts.escalationsRaised().stream()
                .filter(e -> e.matterId().equals(matterId) && !resolved.contains(e.escalationId()))
                .map(MatterScorecard::open)
                .collect(Collectors.toList());
    }

    private static OpenEscalation open(EscalationRaised e) {
        return new OpenEscalation(
                e.escalationId(), e.cause(), e.severity(), e.relatedId(), e.assignedTo(), e.occurredAt());
    }
}
