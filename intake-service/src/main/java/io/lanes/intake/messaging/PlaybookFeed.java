package io.lanes.intake.messaging;

import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.intake.service.PlaybookCatalog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the latest playbook per matter type from legal operations' topic (which holds every version). */
@ApplicationScoped
public class PlaybookFeed {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "playbooks";

    private final IdempotentConsumer consumer;
    private final PlaybookCatalog playbooks;

    public PlaybookFeed(IdempotentConsumer consumer, PlaybookCatalog playbooks) {
        this.consumer = consumer;
        this.playbooks = playbooks;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(
                "intake-playbooks", records, incoming -> playbooks.remember((PlaybookPublished) incoming.event()));
    }
}
