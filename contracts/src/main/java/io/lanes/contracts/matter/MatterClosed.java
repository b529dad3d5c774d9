package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The matter closed; cycle time is measured against {@code plannedCloseDate}. */
public record MatterClosed(
        UUID matterId,
        LocalDate openedOn,
        LocalDate plannedCloseDate,
        LocalDate closedOn,
        String outcome,
        Instant occurredAt)
        implements MatterEvent {}
