package io.lanes.kpi.messaging;

import io.lanes.contracts.IncomingEvent;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.kpi.facts.FactRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps every consumed contract event as a fact, once, with the matter it belongs to. */
@ApplicationScoped
public class FactProjection {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "facts";
    /** The consumer's name in the dedupe and progress tables. */
    public static final String CONSUMER = "kpi-facts";

    private final IdempotentConsumer consumer;

    public FactProjection(IdempotentConsumer consumer) {
        this.consumer = consumer;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(CONSUMER, records, FactProjection::store);
    }

    private static Uni<Void> store(IncomingEvent incoming) {
        FactRow row = FactRow.of(incoming);
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        // Through text: the reactive driver would send a String bound to jsonb as a JSON string scalar,
                        // and a null UUID as an unknown type.
                        "INSERT INTO kpi_fact (ce_id, ce_type, subject, matter_id, occurred_at, data) VALUES (:id, :type, "
                                + ":subject, CAST(CAST(:matter AS text) AS uuid), :at, CAST(CAST(:data AS text) AS jsonb)) "
                                + "ON CONFLICT (ce_id) DO NOTHING")
                .setParameter("id", row.ceId())
                .setParameter("type", row.ceType())
                .setParameter("subject", row.subject())
                .setParameter("matter", row.matterId() == null ? null : row.matterId().toString())
                .setParameter("at", row.occurredAt())
                .setParameter("data", row.data())
                .executeUpdate())
                .replaceWithVoid();
    }
}
