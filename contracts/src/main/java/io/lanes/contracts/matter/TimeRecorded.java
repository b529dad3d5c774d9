package io.lanes.contracts.matter;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Time was recorded against a UTBMS phase; {@code occurredAt} is when it was recorded.
 *
 * @param timekeeperName the timekeeper's display name, when known (since 1.1)
 * @param description the narrative of the work, as billed (since 1.1)
 */
public record TimeRecorded(
        UUID matterId,
        UUID entryId,
        String timekeeper,
        TimekeeperRole timekeeperRole,
        LocalDate workDate,
        BigDecimal hours,
        BigDecimal amount,
        String phase,
        String taskCode,
        String activityCode,
        boolean billable,
        boolean admin,
        String timekeeperName,
        String description,
        Instant occurredAt)
        implements MatterEvent {}
