package io.lanes.subscription.messaging;

import io.lanes.eventstore.consumer.IdempotentConsumer;
import io.lanes.subscription.service.MilestoneSchedule;
import io.lanes.subscription.service.NoticeRouter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Reads the matter stream: each matter's profile and screens, the escalation events to deliver, the milestones. */
@ApplicationScoped
public class MatterFeed {

    /** Channel name, also in application.properties. */
    public static final String CHANNEL = "matter-events";

    private final IdempotentConsumer consumer;
    private final NoticeRouter router;
    private final MilestoneSchedule schedule;

    public MatterFeed(IdempotentConsumer consumer, NoticeRouter router, MilestoneSchedule schedule) {
        this.consumer = consumer;
        this.router = router;
        this.schedule = schedule;
    }

    @Incoming(CHANNEL)
    @ActivateRequestContext
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(
                "subscription-notices",
                records,
                incoming -> router.observe(incoming).chain(() -> schedule.observe(incoming)));
    }
}
