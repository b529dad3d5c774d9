package io.lanes.contracts.matter;

import java.time.Instant;
import java.util.UUID;

/**
 * An open escalation went to the next person of its playbook's escalation path (contract 1.1).
 *
 * @param level the step of the path now responsible (the first assignee is level 1): 2, 3, ... after a
 *     timeout; a manual hand-over keeps the step it was at, 1 included
 */
public record EscalationReassigned(
        UUID matterId,
        UUID escalationId,
        EscalationCause cause,
        int level,
        String previousAssignee,
        String assignedTo,
        ReassignmentReason reason,
        Instant occurredAt)
        implements MatterEvent {}
