package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A phase or the TOTAL crossed a budget threshold level upward. */
public record BudgetVariance(
        UUID matterId,
        String phase,
        BigDecimal budget,
        BigDecimal actual,
        BigDecimal variancePct,
        VarianceLevel level,
        BigDecimal thresholdPct,
        UUID escalationId,
        Instant occurredAt)
        implements MatterEvent {}
