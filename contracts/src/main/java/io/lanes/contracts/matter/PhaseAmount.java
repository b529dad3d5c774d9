package io.lanes.contracts.matter;

import java.math.BigDecimal;

/** An amount for one UTBMS phase code (e.g. L100). */
public record PhaseAmount(String code, BigDecimal amount) {}
