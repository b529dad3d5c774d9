package io.lanes.matter.messaging;

import io.lanes.contracts.MatterIds;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.matter.service.MatterService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Complete handoff packets from intake open pending handoffs (matterId = UUID v5 of intakeId). */
@ApplicationScoped
public class HandoffPackets {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "intakes";

    private final IdempotentConsumer consumer;
    private final MatterService matters;

    public HandoffPackets(IdempotentConsumer consumer, MatterService matters) {
        this.consumer = consumer;
        this.matters = matters;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume("matter-handoffs", records, incoming -> {
            if (!(incoming.event() instanceof IntakeComplete)) {
                return Uni.createFrom().voidItem();
            }
            IntakeComplete packet = (IntakeComplete) incoming.event();
            return matters.receiveHandoff(
                    MatterIds.fromIntake(packet.intakeId()),
                    packet,
                    incoming.envelope().id());
        });
    }
}
