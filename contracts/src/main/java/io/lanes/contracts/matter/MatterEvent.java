package io.lanes.contracts.matter;

import io.lanes.contracts.LanesEvent;
import java.util.UUID;

/**
 * Events of the matter aggregate, published on {@code lanes.matter.v1} keyed by matterId in stream
 * order; the escalation-related ones are copied to {@code lanes.escalations.v1} for PM tools.
 */
public sealed interface MatterEvent extends LanesEvent
        permits HandoffReceived,
                HandoffAccepted,
                HandoffRejected,
                MilestonePlanned,
                MilestoneReplanned,
                MilestoneCompleted,
                MilestoneSlipped,
                TaskAssigned,
                TaskCompleted,
                TimeRecorded,
                BudgetVariance,
                BudgetRevised,
                StatusUpdateSent,
                EscalationRaised,
                EscalationResolved,
                EscalationReassigned,
                TaskBlocked,
                DeadlineMissed,
                WriteDownRecorded,
                ClientFeedbackRecorded,
                MatterClosed,
                EthicalScreenAdded,
                EthicalScreenLifted {

    UUID matterId();

    @Override
    default String aggregateId() {
        return matterId().toString();
    }
}
