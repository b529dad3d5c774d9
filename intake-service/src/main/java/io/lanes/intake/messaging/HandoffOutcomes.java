package io.lanes.intake.messaging;

import io.lanes.contracts.matter.HandoffRejected;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.intake.service.IntakeService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The rework loop: a rejected handoff returns its intake to intake staff with the PM's reasons. */
@ApplicationScoped
public class HandoffOutcomes {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "matter-events";

    private final IdempotentConsumer consumer;
    private final IntakeService intakes;

    public HandoffOutcomes(IdempotentConsumer consumer, IntakeService intakes) {
        this.consumer = consumer;
        this.intakes = intakes;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(
                "intake-handoff-outcomes",
                records,
                incoming -> incoming.event() instanceof HandoffRejected
                        ? intakes.returnIntake(
                                (HandoffRejected) incoming.event(),
                                incoming.envelope().id())
                        : Uni.createFrom().voidItem());
    }
}
