package io.lanes.matter.domain;

import io.lanes.contracts.matter.VarianceLevel;
import java.math.BigDecimal;

/**
 * Budget and actual of one UTBMS phase (or TOTAL), and the highest variance level already reported,
 * so a level is reported once when first crossed upward.
 */
public record PhaseBudget(String phase, BigDecimal budget, BigDecimal actual, VarianceLevel reported) {

    PhaseBudget plus(BigDecimal amount) {
        return new PhaseBudget(phase, budget, actual.add(amount), reported);
    }

    PhaseBudget reporting(VarianceLevel level) {
        return new PhaseBudget(phase, budget, actual, level);
    }
}
