package io.lanes.contracts.matter;

/** How urgent an escalation is. */
public enum Severity {
    WARNING,
    CRITICAL
}
