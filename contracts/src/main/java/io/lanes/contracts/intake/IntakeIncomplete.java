package io.lanes.contracts.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A submission was refused because required fields or checklist items were missing. */
public record IntakeIncomplete(
        UUID intakeId,
        String matterType,
        String practiceArea,
        List<String> missingFields,
        List<String> missingChecklistItems,
        int attempt,
        int playbookVersion,
        String submittedBy,
        Instant occurredAt)
        implements IntakeEvent {}
