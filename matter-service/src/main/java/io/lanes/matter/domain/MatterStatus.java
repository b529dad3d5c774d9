package io.lanes.matter.domain;

/** Where a matter stands in legal project management. */
public enum MatterStatus {
    /** No handoff packet yet. */
    NONE,
    /** A complete handoff packet waits for a PM to accept or reject it. */
    PENDING,
    /** The PM sent the packet back to intake; a resubmitted packet makes it pending again. */
    REJECTED,
    /** Accepted: the plan is live. */
    OPEN,
    CLOSED
}
