package io.lanes.opsconfig.domain;

import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Internal events of an improvement flag: the PM-to-ops feedback loop of docs/kpis.md. */
public sealed interface FlagEvent extends InternalEvent {

    InternalEventTypes<FlagEvent> TYPES = new InternalEventTypes<FlagEvent>()
            .with("io.lanes.ops-config.improvement-flag-raised.v1", FlagRaised.class)
            .with("io.lanes.ops-config.improvement-flag-dismissed.v1", FlagDismissed.class)
            .with("io.lanes.ops-config.improvement-flag-closed.v1", FlagClosed.class);

    /** Milestones of one template slipped in several matters of one type within the window. */
    record FlagRaised(
            UUID flagId,
            String matterType,
            String templateKey,
            List<UUID> matters,
            LocalDate windowStart,
            LocalDate windowEnd,
            String raisedBy,
            Instant occurredAt)
            implements FlagEvent {}

    /** Ops decided the pattern needs no playbook change, and said why. */
    record FlagDismissed(UUID flagId, String reason, String dismissedBy, Instant occurredAt) implements FlagEvent {}

    /** A new playbook version of the matter type was published, which answers the flag. */
    record FlagClosed(UUID flagId, int playbookVersion, String closedBy, Instant occurredAt) implements FlagEvent {}
}
