package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A status update went to the client; {@code dueBy} is the date the cadence required it by. */
public record StatusUpdateSent(
        UUID matterId,
        UUID updateId,
        LocalDate dueBy,
        LocalDate sentOn,
        boolean onTime,
        String summary,
        Instant occurredAt)
        implements MatterEvent {}
