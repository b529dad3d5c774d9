package io.lanes.contracts.matter;

/** Why a PM rejected a handoff. */
public record RejectionReason(RejectionCode code, String detail) {}
