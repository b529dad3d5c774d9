package io.lanes.contracts.intake;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.Routing;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A submission passed validation: the handoff packet that matter-service turns into a pending handoff. */
public record IntakeComplete(
        UUID intakeId,
        String matterType,
        String practiceArea,
        String matterName,
        Client client,
        Map<String, JsonNode> fields,
        List<ChecklistEntry> checklist,
        List<KeyDate> keyDates,
        BigDecimal estimatedBudget,
        String currency,
        Routing routing,
        Instant receivedAt,
        int attempt,
        int playbookVersion,
        String submittedBy,
        Instant occurredAt)
        implements IntakeEvent {

    public enum ClientKind {
        INDIVIDUAL,
        ORGANIZATION
    }

    /** The client; {@code email} is optional. */
    public record Client(String name, ClientKind kind, String email) {}

    /** One handoff checklist item as intake left it. */
    public record ChecklistEntry(String key, boolean done) {}

    /** A date the matter must respect; a hard deadline (a statute of limitations) becomes a hard milestone. */
    public record KeyDate(String name, LocalDate date, boolean hardDeadline) {}
}
