package io.lanes.matter.domain;

import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.Severity;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation raised on the matter; {@code resolvedAt} is set once it is dealt with.
 *
 * @param level the step of its escalation path answering it now (1 when raised)
 */
public record Escalation(
        UUID id,
        EscalationCause cause,
        Severity severity,
        String relatedId,
        String assignedTo,
        int level,
        Instant raisedAt,
        Instant resolvedAt) {

    public boolean open() {
        return resolvedAt == null;
    }

    Escalation reassigned(int toLevel, String to) {
        return new Escalation(id, cause, severity, relatedId, to, toLevel, raisedAt, resolvedAt);
    }

    Escalation resolved(Instant at) {
        return new Escalation(id, cause, severity, relatedId, assignedTo, level, raisedAt, at);
    }
}
