package io.lanes.eventstore.consumer;

import io.lanes.contracts.IncomingEvent;
import io.smallrye.mutiny.Uni;

/** Applies one consumed event inside the consumer's transaction (read-model change, appends...). */
@FunctionalInterface
public interface EventHandler {

    Uni<Void> handle(IncomingEvent event);
}
