package io.lanes.intake.domain;

import io.lanes.contracts.matter.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An intake as its events left it.
 *
 * @param attempts            submissions so far (complete or not)
 * @param missingFields       what the last refused submission lacked
 * @param missingChecklistItems checklist items the last refused submission lacked
 * @param returnReasons       the PM's reasons when the handoff came back
 */
public record Intake(
        UUID id,
        IntakeStatus status,
        IntakeData data,
        String createdBy,
        Instant receivedAt,
        Instant updatedAt,
        int attempts,
        Integer playbookVersion,
        List<String> missingFields,
        List<String> missingChecklistItems,
        List<RejectionReason> returnReasons,
        String returnedBy) {

    public static final Intake NONE =
            new Intake(null, null, null, null, null, null, 0, null, List.of(), List.of(), List.of(), null);

    public boolean exists() {
        return id != null;
    }

    Intake with(IntakeStatus status, IntakeData data, Instant at) {
        return new Intake(
                id,
                status,
                data,
                createdBy,
                receivedAt,
                at,
                attempts,
                playbookVersion,
                missingFields,
                missingChecklistItems,
                returnReasons,
                returnedBy);
    }
}
