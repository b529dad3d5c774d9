package io.lanes.contracts.matter;

/** Why an escalation changed hands. */
public enum ReassignmentReason {
    /** It stayed unresolved for its path step's {@code afterHours}. */
    UNRESOLVED_TIMEOUT,
    /** A person handed it on. */
    MANUAL
}
