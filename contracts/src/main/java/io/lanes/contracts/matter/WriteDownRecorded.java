package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Fees were written down; PROCESS_FAILURE write-downs are a shared KPI. */
public record WriteDownRecorded(
        UUID matterId, UUID writeDownId, BigDecimal amount, WriteDownCause cause, String note, Instant occurredAt)
        implements MatterEvent {}
