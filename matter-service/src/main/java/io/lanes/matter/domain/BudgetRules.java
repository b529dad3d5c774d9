package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import io.lanes.contracts.matter.BudgetRevised;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import io.lanes.contracts.matter.TimeRecorded;
import io.lanes.contracts.matter.VarianceLevel;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.matter.domain.MatterCommand.RecordTime;
import io.lanes.matter.domain.MatterCommand.ReviseBudget;
import io.lanes.platform.domain.RuleBroken;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Time against budget: each entry is recorded, and each threshold level (a percent of the budget
 * consumed) its phase or the matter's TOTAL newly reaches is reported once, in rising order (WARNING,
 * then ESCALATION with its escalation). The PM's revisions move a budget and re-arm its levels.
 */
final class BudgetRules {

    static final String TOTAL = BudgetRevised.TOTAL;
    static final String BUDGET_UNCHANGED = "BUDGET_UNCHANGED";
    static final String BUDGET_NOT_POSITIVE = "BUDGET_NOT_POSITIVE";

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
            events.addAll(crossings(matter, before.plus(time.amount()), time.thresholds(), time.routes(), time.at()));
        }
        return events;
    }

    /**
     * Revises one budget line and, for a phase, the TOTAL by the same difference; then reports any level
     * the actual already reaches against the revised amounts (a lift re-armed them, a cut may cross one).
     */
    static List<Object> revise(ReviseBudget revise, Matter matter) {
        PhaseBudget line = matter.budget().get(revise.phase());
        BigDecimal previous = line == null ? BigDecimal.ZERO : line.budget();
        if (previous.compareTo(revise.amount()) == 0) {
            throw new RuleBroken(
                    BUDGET_UNCHANGED, "The " + revise.phase() + " budget already is " + previous.toPlainString());
        }
        List<BudgetRevised> revisions = new ArrayList<>();
        revisions.add(revised(matter, revise, revise.phase(), previous, revise.amount()));
        PhaseBudget total = matter.budget().get(TOTAL);
        if (!TOTAL.equals(revise.phase()) && total != null) {
            BigDecimal newTotal = total.budget().add(revise.amount()).subtract(previous);
            if (newTotal.signum() <= 0) {
                throw new RuleBroken(
                        BUDGET_NOT_POSITIVE,
                        "Cutting " + revise.phase() + " to " + revise.amount().toPlainString()
                                + " leaves no TOTAL budget; revise the TOTAL first");
            }
            revisions.add(revised(matter, revise, TOTAL, total.budget(), newTotal));
        }
        Matter after = matter;
        for (BudgetRevised revision : revisions) {
            after = withRevision(after, revision);
        }
        List<Object> events = new ArrayList<>(revisions);
        for (BudgetRevised revision : revisions) {
            events.addAll(crossings(
                    after, after.budget().get(revision.phase()), revise.thresholds(), revise.routes(), revise.at()));
        }
        return events;
    }

    private static BudgetRevised revised(
            Matter matter, ReviseBudget revise, String phase, BigDecimal previous, BigDecimal amount) {
        return new BudgetRevised(matter.id(), phase, previous, amount, revise.reason(), revise.by(), revise.at());
    }

    /**
     * The levels {@code after} newly reaches, in rising order: each is a percent of the budget consumed, so
     * WARNING (80 by default) comes while the actual is still under budget.
     */
    private static List<Object> crossings(
            Matter matter, PhaseBudget after, Thresholds thresholds, EscalationRoutes routes, Instant at) {
        List<Object> events = new ArrayList<>();
        BigDecimal consumed = after.consumedPct();
        if (consumed == null) {
            return events;
        }
        if (after.reported() == null && consumed.compareTo(thresholds.budgetWarningPct()) >= 0) {
            events.add(variance(matter, after, VarianceLevel.WARNING, thresholds.budgetWarningPct(), null, at));
        }
        if (after.reported() != VarianceLevel.ESCALATION && consumed.compareTo(thresholds.budgetEscalationPct()) >= 0) {
            // A re-armed line escalates anew: its id names the revision, so it is not the resolved one.
            String subject = "budget:" + after.phase() + (after.revisions() == 0 ? "" : ":" + after.revisions());
            UUID escalationId = derivedId(matter.id(), subject);
            events.add(variance(
                    matter, after, VarianceLevel.ESCALATION, thresholds.budgetEscalationPct(), escalationId, at));
            events.add(EscalationRules.raise(
                    matter,
                    escalationId,
                    EscalationCause.BUDGET_VARIANCE,
                    Severity.CRITICAL,
                    after.phase(),
                    routes,
                    at));
        }
        return events;
    }

    private static BudgetVariance variance(
            Matter matter, PhaseBudget line, VarianceLevel level, BigDecimal threshold, UUID escalationId, Instant at) {
        return new BudgetVariance(
                matter.id(),
                line.phase(),
                line.budget(),
                line.actual(),
                line.variancePct(),
                line.consumedPct(),
                level,
                threshold,
                escalationId,
                at);
    }

    /**
     * The line {@code revision} names at its new amount; a line not there yet starts from the time
     * recorded against it (for TOTAL, all of it).
     */
    static Matter withRevision(Matter matter, BudgetRevised revision) {
        PhaseBudget line = matter.budget().get(revision.phase());
        if (line == null) {
            BigDecimal actual = TOTAL.equals(revision.phase())
                    ? matter.budget().values().stream()
                            .map(PhaseBudget::actual)
                            .reduce(BigDecimal.ZERO, BigDecimal::add)
                    : BigDecimal.ZERO;
            line = new PhaseBudget(revision.phase(), BigDecimal.ZERO, actual, null, 0);
        }
        return matter.withBudget(line.revisedTo(revision.amount()));
    }

    /** The budget lines after {@code time}: its phase (created at a zero budget if unplanned) and TOTAL. */
    static Matter withTime(Matter matter, TimeRecorded time) {
        PhaseBudget phase = matter.budget().get(time.phase());
        Matter next = matter.withTimeEntry(time.entryId())
                .withBudget(
                        phase != null
                                ? phase.plus(time.amount())
                                : new PhaseBudget(time.phase(), BigDecimal.ZERO, time.amount(), null, 0));
        PhaseBudget total = next.budget().get(TOTAL);
        return total == null ? next : next.withBudget(total.plus(time.amount()));
    }
}
