package io.lanes.kpi.facts;

import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.intake.IntakeEvent;
import io.lanes.contracts.matter.MatterEvent;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** One consumed event as a row of {@code kpi_fact}: the envelope, the matter it belongs to and its data. */
public record FactRow(UUID ceId, String ceType, String subject, UUID matterId, OffsetDateTime occurredAt, String data) {

    public static FactRow of(IncomingEvent incoming) {
        return new FactRow(
                incoming.envelope().id(),
                incoming.envelope().type(),
                incoming.envelope().subject(),
                matterOf(incoming),
                OffsetDateTime.ofInstant(incoming.envelope().time(), ZoneOffset.UTC),
                new String(incoming.envelope().data(), StandardCharsets.UTF_8));
    }

    /** Intake events belong to the matter their intake opens (matterId is derived from intakeId). */
    private static UUID matterOf(IncomingEvent incoming) {
        if (incoming.event() instanceof MatterEvent) {
            return ((MatterEvent) incoming.event()).matterId();
        }
        if (incoming.event() instanceof IntakeEvent) {
            return MatterIds.fromIntake(((IntakeEvent) incoming.event()).intakeId());
        }
        return null;
    }
}
