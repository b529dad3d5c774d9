package io.lanes.kpi.facts;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The money side of one time entry: what budgets are measured against. */
public record TimeAmount(UUID matterId, String phase, Instant occurredAt, BigDecimal amount) {}
