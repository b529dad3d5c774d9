package io.lanes.contracts;

/** A consumed record after decoding: its envelope, its type and the event it carries. */
public record IncomingEvent(CloudEvent envelope, EventType type, LanesEvent event) {}
