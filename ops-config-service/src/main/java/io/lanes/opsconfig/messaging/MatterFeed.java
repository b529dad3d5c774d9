package io.lanes.opsconfig.messaging;

import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.opsconfig.service.RecurringSlipDetector;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the matter stream for the PM-to-ops feedback loop: milestone slips that recur across matters. */
@ApplicationScoped
public class MatterFeed {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "matter-events";

    private final IdempotentConsumer consumer;
    private final RecurringSlipDetector detector;

    public MatterFeed(IdempotentConsumer consumer, RecurringSlipDetector detector) {
        this.consumer = consumer;
        this.detector = detector;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume("ops-slip-patterns", records, incoming -> detector.observe(incoming.event()));
    }
}
