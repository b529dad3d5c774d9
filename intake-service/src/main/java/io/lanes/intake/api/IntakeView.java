package io.lanes.intake.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.intake.IntakeComplete.ChecklistEntry;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.intake.domain.Intake;
import io.lanes.intake.domain.IntakeData;
import io.lanes.intake.domain.IntakeStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Intake", description = "A new matter as intake staff captured it, and where it stands")
public record IntakeView(
        UUID id,
        IntakeStatus status,
        String matterType,
        String matterName,
        Client client,
        Map<String, JsonNode> fields,
        List<ChecklistEntry> checklist,
        List<KeyDate> keyDates,
        BigDecimal estimatedBudget,
        String currency,
        String createdBy,
        Instant receivedAt,
        Instant updatedAt,
        @Schema(description = "Submissions so far") int attempts,

        @Schema(description = "Playbook version of the last submission")
        Integer playbookVersion,

        @Schema(description = "Required fields the last refused submission lacked")
        List<String> missingFields,

        @Schema(description = "Checklist items the last refused submission lacked")
        List<String> missingChecklistItems,

        @Schema(description = "The PM's reasons when the handoff was returned")
        List<RejectionReason> returnReasons,

        String returnedBy,

        @Schema(description = "The intake's version; its ETag")
        long revision) {

    static IntakeView of(Versioned<Intake> versioned) {
        Intake i = versioned.state();
        IntakeData d = i.data();
        return new IntakeView(
                i.id(),
                i.status(),
                d.matterType(),
                d.matterName(),
                d.client(),
                d.fields(),
                d.checklist(),
                d.keyDates(),
                d.estimatedBudget(),
                d.currency(),
                i.createdBy(),
                i.receivedAt(),
                i.updatedAt(),
                i.attempts(),
                i.playbookVersion(),
                i.missingFields(),
                i.missingChecklistItems(),
                i.returnReasons(),
                i.returnedBy(),
                versioned.version());
    }
}
