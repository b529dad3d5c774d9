package io.lanes.contracts.matter;

/** Reason codes for a rejected handoff. */
public enum RejectionCode {
    MISSING_INFORMATION,
    CONFLICT_UNRESOLVED,
    WRONG_ROUTING,
    SCOPE_UNCLEAR,
    OTHER
}
