package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Time against budget: each entry is recorded, and each threshold level its phase or the matter's
 * TOTAL newly reaches is reported once, in rising order (WARNING, then ESCALATION with its escalation).
 */
final class BudgetRules {

    static final String TOTAL = BudgetRevised.TOTAL;

    private BudgetRules() {}

    /** Nothing for an entry already recorded (even once the matter closed); otherwise the matter must be open. */
    static List<Object> recordTime(RecordTime time, Matter matter) {
        if (matter.timeEntries().contains(time.entryId())) {
            return List.of();
        }
        MatterRules.requireOpen(matter);
        List<Object> events = new ArrayList<>();
        events.add(new TimeRecorded(
                matter.id(),
                time.entryId(),
                time.timekeeper(),
                time.role(),
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
                time.at()));
        for (String phase : List.of(time.phase(), TOTAL)) {
            PhaseBudget before = matter.budget().get(phase);
            if (before == null || before.budget().signum() <= 0) {
                continue;
            }
            events.addAll(crossings(matter, before.plus(time.amount()), time.thresholds(), time));
        }
        return events;
    }

    private static List<Object> crossings(Matter matter, PhaseBudget after, Thresholds thresholds, RecordTime time) {
        List<Object> events = new ArrayList<>();
        BigDecimal variance = after.actual()
                .subtract(after.budget())
                .multiply(BigDecimal.valueOf(100))
                .divide(after.budget(), 1, RoundingMode.HALF_UP);
        if (after.reported() == null && variance.compareTo(thresholds.budgetWarningPct()) >= 0) {
            events.add(new BudgetVariance(
                    matter.id(),
                    after.phase(),
                    after.budget(),
                    after.actual(),
                    variance,
                    VarianceLevel.WARNING,
                    thresholds.budgetWarningPct(),
                    null,
                    time.at()));
        }
        if (after.reported() != VarianceLevel.ESCALATION && variance.compareTo(thresholds.budgetEscalationPct()) >= 0) {
            UUID escalationId = derivedId(matter.id(), "budget:" + after.phase());
            events.add(new BudgetVariance(
                    matter.id(),
                    after.phase(),
                    after.budget(),
                    after.actual(),
                    variance,
                    VarianceLevel.ESCALATION,
                    thresholds.budgetEscalationPct(),
                    escalationId,
                    time.at()));
            events.add(new EscalationRaised(
                    matter.id(),
                    escalationId,
                    EscalationCause.BUDGET_VARIANCE,
                    Severity.CRITICAL,
                    after.phase(),
                    matter.acceptedBy(),
                    time.at()));
        }
        return events;
    }

    /** The budget lines after {@code time}: its phase (created at a zero budget if unplanned) and TOTAL. */
    static Matter withTime(Matter matter, TimeRecorded time) {
        PhaseBudget phase = matter.budget().get(time.phase());
        Matter next = matter.withTimeEntry(time.entryId())
                .withBudget(
                        phase != null
                                ? phase.plus(time.amount())
                                : new PhaseBudget(time.phase(), BigDecimal.ZERO, time.amount(), null));
        PhaseBudget total = next.budget().get(TOTAL);
        return total == null ? next : next.withBudget(total.plus(time.amount()));
    }
}
