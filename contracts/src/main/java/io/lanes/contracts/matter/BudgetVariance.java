package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A phase or the TOTAL crossed a budget threshold level upward: {@code thresholdPct} is the percent of the
 * budget consumed that the level stands for (contract 1.1; {@code consumedPct} is absent from earlier events).
 */
public record BudgetVariance(
        UUID matterId,
        String phase,
        BigDecimal budget,
        BigDecimal actual,
        BigDecimal variancePct,
        BigDecimal consumedPct,
        VarianceLevel level,
        BigDecimal thresholdPct,
        UUID escalationId,
        Instant occurredAt)
        implements MatterEvent {}
