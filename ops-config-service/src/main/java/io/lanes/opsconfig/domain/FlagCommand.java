package io.lanes.opsconfig.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What can happen to an improvement flag. */
public sealed interface FlagCommand {

    record RaiseFlag(
            UUID flagId,
            String matterType,
            String templateKey,
            List<UUID> matters,
            LocalDate windowStart,
            LocalDate windowEnd,
            String by,
            Instant at)
            implements FlagCommand {}

    record DismissFlag(String reason, String by, Instant at) implements FlagCommand {}

    record CloseFlag(int playbookVersion, String by, Instant at) implements FlagCommand {}
}
