package io.lanes.intake.domain;

/** Where an intake stands between intake staff and the PM who accepts the handoff. */
public enum IntakeStatus {
    /** Being captured; not yet submitted. */
    DRAFT,
    /** Submitted but refused: required fields or checklist items are missing. */
    INCOMPLETE,
    /** A complete handoff packet went to legal project management. */
    SUBMITTED,
    /** The PM rejected the handoff; intake reworks and resubmits it. */
    RETURNED
}
