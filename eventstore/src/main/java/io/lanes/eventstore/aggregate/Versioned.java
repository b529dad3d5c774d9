package io.lanes.eventstore.aggregate;

/** An aggregate's state with the stream version it was folded up to (the ETag of its resource). */
public record Versioned<S>(S state, long version) {}
