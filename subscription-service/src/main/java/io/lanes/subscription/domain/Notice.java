package io.lanes.subscription.domain;

import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.matter.BudgetVariance;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.EscalationRaised;
import io.lanes.contracts.matter.EscalationReassigned;
import io.lanes.contracts.matter.EscalationResolved;
import io.lanes.contracts.matter.MatterEvent;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.TaskBlocked;
import java.time.Instant;
import java.util.UUID;

/**
 * An escalation event as subscriptions see it: what filters match on, the matter's type and team when
 * it happened, and the event itself in CloudEvents structured JSON (the webhook body).
 */
public record Notice(
        UUID eventId,
        UUID matterId,
        String ceType,
        Instant occurredAt,
        String matterType,
        String team,
        String cause,
        String severity,
        String body) {

    /** The notice of an escalation event of a matter whose type and team are known (or null). */
    public static Notice of(IncomingEvent incoming, String matterType, String team, String body) {
        MatterEvent event = (MatterEvent) incoming.event();
        return new Notice(
                incoming.envelope().id(),
                event.matterId(),
                incoming.type().ceType(),
                event.occurredAt(),
                matterType,
                team,
                cause(event),
                severity(event),
                body);
    }

    /** The cause the event is about; the slip and budget events are their causes' first signs. */
    static String cause(MatterEvent event) {
        if (event instanceof EscalationRaised raised) {
            return raised.cause().name();
        }
        if (event instanceof EscalationReassigned reassigned) {
            return reassigned.cause().name();
        }
        if (event instanceof EscalationResolved resolved) {
            return resolved.cause().name();
        }
        if (event instanceof MilestoneSlipped) {
            return EscalationCause.MILESTONE_SLIPPED.name();
        }
        if (event instanceof BudgetVariance) {
            return EscalationCause.BUDGET_VARIANCE.name();
        }
        if (event instanceof TaskBlocked) {
            return EscalationCause.TASK_BLOCKED.name();
        }
        return null;
    }

    /** Only a raised escalation states a severity. */
    static String severity(MatterEvent event) {
        return event instanceof EscalationRaised raised ? raised.severity().name() : null;
    }
}
