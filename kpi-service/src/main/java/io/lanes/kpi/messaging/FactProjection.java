package io.lanes.kpi.messaging;

import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.kpi.persistence.FactStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps every consumed contract event as a fact, once, and its rows of the typed read models. */
@ApplicationScoped
public class FactProjection {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "facts";

    private final IdempotentConsumer consumer;

    public FactProjection(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consumeBatch(FactStore.CONSUMER, records, FactStore::write);
    }
}
