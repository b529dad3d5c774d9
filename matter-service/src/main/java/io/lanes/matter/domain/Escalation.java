package io.lanes.matter.domain;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import java.time.Instant;
import java.util.UUID;

/** An escalation raised on the matter; {@code resolvedAt} is set once it is dealt with. */
public record Escalation(
        UUID id,
        EscalationCause cause,
        Severity severity,
        String relatedId,
        String assignedTo,
        Instant raisedAt,
        Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }
}
