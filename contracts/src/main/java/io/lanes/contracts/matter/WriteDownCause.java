package io.lanes.contracts.matter;

/** Why fees were written down. */
public enum WriteDownCause {
    PROCESS_FAILURE,
    CLIENT_NEGOTIATION,
    OTHER
}
