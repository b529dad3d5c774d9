package io.lanes.matter.domain;

import io.lanes.contracts.matter.VarianceLevel;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Budget and actual of one UTBMS phase (or TOTAL), the highest variance level already reported, so a
 * level is reported once when first crossed upward, and how many times the budget was revised.
 */
public record PhaseBudget(String phase, BigDecimal budget, BigDecimal actual, VarianceLevel reported, int revisions) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    static PhaseBudget planned(String phase, BigDecimal budget) {
        return new PhaseBudget(phase, budget, BigDecimal.ZERO, null, 0);
    }

    /** actual / budget * 100, one decimal; null without a budget. */
    public BigDecimal consumedPct() {
        return budget.signum() <= 0 ? null : actual.multiply(HUNDRED).divide(budget, 1, RoundingMode.HALF_UP);
    }

    /** (actual - budget) / budget * 100, one decimal; null without a budget. */
    public BigDecimal variancePct() {
        return budget.signum() <= 0
                ? null
                : actual.subtract(budget).multiply(HUNDRED).divide(budget, 1, RoundingMode.HALF_UP);
    }

    PhaseBudget plus(BigDecimal amount) {
        return new PhaseBudget(phase, budget, actual.add(amount), reported, revisions);
    }

    PhaseBudget reporting(VarianceLevel level) {
        return new PhaseBudget(phase, budget, actual, level, revisions);
    }

    /**
     * Revised to {@code amount}. A lift re-arms every level, so each is reported again when the actual
     * reaches it against the new amount; a cut keeps what was reported (a level already heard stays heard).
     */
    PhaseBudget revisedTo(BigDecimal amount) {
        return new PhaseBudget(phase, amount, actual, amount.compareTo(budget) > 0 ? null : reported, revisions + 1);
    }
}
