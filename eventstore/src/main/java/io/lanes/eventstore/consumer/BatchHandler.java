package io.lanes.eventstore.consumer;

import io.lanes.contracts.IncomingEvent;
import io.smallrye.mutiny.Uni;
import java.util.List;

/** Applies a batch's new events (never empty, in the batch's order) inside the consumer's transaction. */
@FunctionalInterface
public interface BatchHandler {

    Uni<Void> handle(List<IncomingEvent> fresh);
}
