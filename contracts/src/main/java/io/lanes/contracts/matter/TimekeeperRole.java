package io.lanes.contracts.matter;

/** LEDES-style timekeeper classification. */
public enum TimekeeperRole {
    ATTORNEY,
    PARALEGAL,
    ASSISTANT,
    OTHER
}
