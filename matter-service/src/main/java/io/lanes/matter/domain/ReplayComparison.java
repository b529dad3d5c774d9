package io.lanes.matter.domain;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.matter.domain.MatterOutcome.BudgetAlert;
import io.lanes.matter.domain.MatterOutcome.EscalationOutcome;
import io.lanes.matter.domain.MatterOutcome.MilestoneOutcome;
import io.lanes.matter.domain.ReplayReport.BudgetAlertChange;
import io.lanes.matter.domain.ReplayReport.EscalationChange;
import io.lanes.matter.domain.ReplayReport.EscalationChangeKind;
import io.lanes.matter.domain.ReplayReport.Measure;
import io.lanes.matter.domain.ReplayReport.MilestoneChange;
import io.lanes.matter.domain.ReplayReport.MilestoneSide;
import io.lanes.matter.domain.ReplayReport.ReplayKpi;
import io.lanes.matter.domain.ReplayReport.Unit;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Sets each matter's outcome under a candidate playbook beside its outcome under the version it ran on,
 * one matter at a time (a window's matters are never all held at once), and tallies the KPIs a playbook
 * moves on both sides with the same definitions as the scorecards: milestones on time against their
 * baseline among those due and completed or slipped, tasks due and not done by their date, hard
 * deadlines missed, status updates on time; and the warnings: slips, budget levels, escalations.
 */
public final class ReplayComparison {

    private final LocalDate through;
    private final Tally asWas = new Tally();
    private final Tally candidate = new Tally();
    private final List<MilestoneChange> milestones = new ArrayList<>();
    private final List<BudgetAlertChange> budgetAlerts = new ArrayList<>();
    private final List<EscalationChange> escalations = new ArrayList<>();
    private int matters;
    private int reproduced;

    public ReplayComparison(LocalDate through) {
        this.through = through;
    }

    /**
     * One matter: as recorded live, replayed under its own version, and replayed under the candidate.
     * The differences are taken between the two replays, so the replay's own limits cancel out.
     */
    public void add(MatterOutcome recorded, MatterOutcome replayedAsWas, MatterOutcome replayedCandidate) {
        matters++;
        if (recorded.sameWarnings(replayedAsWas)) {
            reproduced++;
        }
        asWas.add(replayedAsWas, through);
        candidate.add(replayedCandidate, through);
        compareMilestones(replayedAsWas, replayedCandidate);
        compareBudgetAlerts(replayedAsWas, replayedCandidate);
        compareEscalations(replayedAsWas, replayedCandidate);
    }

    public ReplayReport report(String matterType, int candidateVersion, LocalDate from, LocalDate to) {
        List<ReplayKpi> kpis = List.of(
                share(
                        KpiKey.ON_TIME_MILESTONE_RATE.key(),
                        asWas.milestonesOnTime,
                        asWas.milestonesJudged,
                        candidate.milestonesOnTime,
                        candidate.milestonesJudged),
                share(
                        KpiKey.OVERDUE_TASK_RATE.key(),
                        asWas.tasksOverdue,
                        asWas.tasksDue,
                        candidate.tasksOverdue,
                        candidate.tasksDue),
                share(
                        KpiKey.MISSED_DEADLINE_RATE.key(),
                        asWas.deadlinesMissed,
                        asWas.deadlinesDue,
                        candidate.deadlinesMissed,
                        candidate.deadlinesDue),
                share(
                        KpiKey.ON_TIME_STATUS_UPDATE_RATE.key(),
                        asWas.updatesOnTime,
                        asWas.updates,
                        candidate.updatesOnTime,
                        candidate.updates),
                count("milestoneSlips", asWas.slips, candidate.slips),
                count("budgetWarnings", asWas.budgetWarnings, candidate.budgetWarnings),
                count("budgetEscalations", asWas.budgetEscalations, candidate.budgetEscalations),
                count("escalationsRaised", asWas.escalations, candidate.escalations));
        return new ReplayReport(
                matterType,
                candidateVersion,
                from,
                to,
                through,
                matters,
                reproduced,
                kpis,
                List.copyOf(milestones),
                List.copyOf(budgetAlerts),
                List.copyOf(escalations),
                asWas.refused,
                candidate.refused);
    }

    private void compareMilestones(MatterOutcome a, MatterOutcome c) {
        Set<UUID> ids = new HashSet<>(a.milestones().keySet());
        ids.addAll(c.milestones().keySet());
        ids.stream().sorted().forEach(id -> {
            MilestoneSide before = side(a.milestones().get(id));
            MilestoneSide after = side(c.milestones().get(id));
            if (before != null
                    && after != null
                    && before.onTime() == after.onTime()
                    && (before.slippedOn() == null) == (after.slippedOn() == null)
                    && before.deadlineMissed() == after.deadlineMissed()) {
                return;
            }
            MilestoneOutcome any =
                    a.milestones().getOrDefault(id, c.milestones().get(id));
            milestones.add(new MilestoneChange(
                    a.matterId(), a.matterNumber(), id, any.name(), any.templateKey(), before, after));
        });
    }

    private static MilestoneSide side(MilestoneOutcome m) {
        return m == null
                ? null
                : new MilestoneSide(
                        m.baselineDueDate(), m.completedOn(), m.onTime(), m.slippedOn(), m.deadlineMissed());
    }

    private void compareBudgetAlerts(MatterOutcome a, MatterOutcome c) {
        Set<BudgetAlert> keys = new HashSet<>(a.budgetAlerts().keySet());
        keys.addAll(c.budgetAlerts().keySet());
        keys.stream()
                .sorted(Comparator.comparing(BudgetAlert::phase).thenComparing(BudgetAlert::level))
                .forEach(key -> {
                    LocalDate before = a.budgetAlerts().get(key);
                    LocalDate after = c.budgetAlerts().get(key);
                    if (Objects.equals(before, after)) {
                        return;
                    }
                    Integer earlier = before == null || after == null
                            ? null
                            : Math.toIntExact(ChronoUnit.DAYS.between(after, before));
                    budgetAlerts.add(new BudgetAlertChange(
                            a.matterId(), a.matterNumber(), key.phase(), key.level(), before, after, earlier));
                });
    }

    private void compareEscalations(MatterOutcome a, MatterOutcome c) {
        Set<UUID> ids = new HashSet<>(a.escalations().keySet());
        ids.addAll(c.escalations().keySet());
        ids.stream().sorted().forEach(id -> {
            EscalationOutcome before = a.escalations().get(id);
            EscalationOutcome after = c.escalations().get(id);
            EscalationChangeKind kind = before == null
                    ? EscalationChangeKind.ADDED
                    : after == null
                            ? EscalationChangeKind.REMOVED
                            : before.assignedTo().equals(after.assignedTo()) ? null : EscalationChangeKind.REROUTED;
            if (kind == null) {
                return;
            }
            EscalationOutcome any = after != null ? after : before;
            escalations.add(new EscalationChange(
                    a.matterId(),
                    a.matterNumber(),
                    id,
                    any.cause(),
                    any.relatedId(),
                    kind,
                    any.raisedOn(),
                    before == null ? null : before.assignedTo(),
                    after == null ? null : after.assignedTo()));
        });
    }

    private static ReplayKpi share(String key, long asWasCount, long asWasOf, long candidateCount, long candidateOf) {
        Measure before = new Measure(ratio(asWasCount, asWasOf), asWasCount, asWasOf);
        Measure after = new Measure(ratio(candidateCount, candidateOf), candidateCount, candidateOf);
        BigDecimal difference = before.value() == null || after.value() == null
                ? null
                : after.value().subtract(before.value());
        return new ReplayKpi(key, Unit.SHARE, before, after, difference);
    }

    private ReplayKpi count(String key, long asWasCount, long candidateCount) {
        return new ReplayKpi(
                key,
                Unit.COUNT,
                new Measure(BigDecimal.valueOf(asWasCount), asWasCount, matters),
                new Measure(BigDecimal.valueOf(candidateCount), candidateCount, matters),
                BigDecimal.valueOf(candidateCount - asWasCount));
    }

    private static BigDecimal ratio(long count, long of) {
        return of == 0 ? null : BigDecimal.valueOf(count).divide(BigDecimal.valueOf(of), 4, RoundingMode.HALF_UP);
    }

    /** One side's counts over the matters added so far. */
    private static final class Tally {
        long milestonesJudged;
        long milestonesOnTime;
        long slips;
        long deadlinesDue;
        long deadlinesMissed;
        long tasksDue;
        long tasksOverdue;
        long updates;
        long updatesOnTime;
        long budgetWarnings;
        long budgetEscalations;
        long escalations;
        int refused;

        void add(MatterOutcome outcome, LocalDate through) {
            for (MilestoneOutcome m : outcome.milestones().values()) {
                if (m.judged(through)) {
                    milestonesJudged++;
                    if (m.onTime()) {
                        milestonesOnTime++;
                    }
                }
                if (m.slipped()) {
                    slips++;
                }
                if (m.hardDeadline() && !m.baselineDueDate().isAfter(through)) {
                    deadlinesDue++;
                    if (m.deadlineMissed()) {
                        deadlinesMissed++;
                    }
                }
            }
            tasksDue += outcome.tasksDue();
            tasksOverdue += outcome.tasksOverdue();
            updates += outcome.statusUpdates();
            updatesOnTime += outcome.statusUpdatesOnTime();
            for (BudgetAlert alert : outcome.budgetAlerts().keySet()) {
                if (alert.level() == VarianceLevel.WARNING) {
                    budgetWarnings++;
                } else {
                    budgetEscalations++;
                }
            }
            escalations += outcome.escalations().size();
            refused += outcome.refused();
        }
    }
}
