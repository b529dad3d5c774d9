package io.lanes.contracts.matter;

/** What raised an escalation. */
public enum EscalationCause {
    MILESTONE_SLIPPED,
    BUDGET_VARIANCE,
    STATUS_UPDATE_OVERDUE,
    TASK_BLOCKED,
    /** A pending handoff older than the playbook's {@code handoffWaitHours} (contract 1.1). */
    HANDOFF_WAITING,
    /** A hard deadline within the playbook's {@code deadlineWarningDays} with its milestone open (contract 1.1). */
    DEADLINE_APPROACHING
}
