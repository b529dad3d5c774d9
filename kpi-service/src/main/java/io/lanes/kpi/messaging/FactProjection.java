package io.lanes.kpi.messaging;

import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.MatterIds;
import io.lanes.contracts.intake.IntakeEvent;
import io.lanes.contracts.matter.MatterEvent;
import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        // Through text: the reactive driver would send a String bound to jsonb as a JSON string scalar.
                        "INSERT INTO kpi_fact (ce_id, ce_type, subject, matter_id, occurred_at, data) VALUES (:id, :type, "
                                + ":subject, CAST(CAST(:matter AS text) AS uuid), :at, CAST(CAST(:data AS text) AS jsonb)) "
                                + "ON CONFLICT (ce_id) DO NOTHING")
                .setParameter("id", incoming.envelope().id())
                .setParameter("type", incoming.envelope().type())
                .setParameter("subject", incoming.envelope().subject())
                .setParameter("matter", matterOf(incoming))
                .setParameter("at", OffsetDateTime.ofInstant(incoming.envelope().time(), ZoneOffset.UTC))
                .setParameter("data", new String(incoming.envelope().data(), StandardCharsets.UTF_8))
                .executeUpdate())
                .replaceWithVoid();
    }

    /** The matter of a matter or intake event, as text (null binds as text, not as an unknown type). */
    private static String matterOf(IncomingEvent incoming) {
        if (incoming.event() instanceof MatterEvent) {
            return ((MatterEvent) incoming.event()).matterId().toString();
        }
        if (incoming.event() instanceof IntakeEvent) {
            return MatterIds.fromIntake(((IntakeEvent) incoming.event()).intakeId()).toString();
        }
        return null;
    }
}
