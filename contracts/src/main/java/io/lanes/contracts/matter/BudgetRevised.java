package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * The PM revised a phase's budget (or the TOTAL) for a change of scope: later variance is measured
 * against {@code amount}; the baseline stays in history as the acceptance's budget.
 */
public record BudgetRevised(
        UUID matterId,
        String phase,
        BigDecimal previousAmount,
        BigDecimal amount,
        String reason,
        String revisedBy,
        Instant occurredAt)
        implements MatterEvent {

    /** The phase that names the matter's whole budget (also in {@code budget-variance}). */
    public static final String TOTAL = "TOTAL";
}
