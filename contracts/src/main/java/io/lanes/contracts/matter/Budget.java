package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.util.List;

/** The planned budget: the total and its split by UTBMS phase. */
public record Budget(BigDecimal total, List<PhaseAmount> phases) {}
