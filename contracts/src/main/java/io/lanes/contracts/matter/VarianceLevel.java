package io.lanes.contracts.matter;

/** The budget threshold level crossed. */
public enum VarianceLevel {
    WARNING,
    ESCALATION
}
