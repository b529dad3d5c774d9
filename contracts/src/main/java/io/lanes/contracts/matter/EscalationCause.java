package io.lanes.contracts.matter;

/** What raised an escalation. */
public enum EscalationCause {
    MILESTONE_SLIPPED,
    BUDGET_VARIANCE,
    STATUS_UPDATE_OVERDUE,
    TASK_BLOCKED
}
