package io.lanes.matter.messaging;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.matter.service.PlaybookVersions;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps every playbook version legal operations publishes, to plan handoffs from their packet's version. */
@ApplicationScoped
public class PlaybookFeed {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "playbooks";

    private final IdempotentConsumer consumer;
    private final PlaybookVersions playbooks;

    public PlaybookFeed(IdempotentConsumer consumer, PlaybookVersions playbooks) {
        this.consumer = consumer;
        this.playbooks = playbooks;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(
                "matter-playbooks", records, incoming -> playbooks.remember((PlaybookPublished) incoming.event()));
    }
}
