package io.lanes.subscription.service;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.StructuredCloudEvent;
import io.lanes.contracts.matter.EthicalScreenAdded;
import io.lanes.contracts.matter.EthicalScreenLifted;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.HandoffReceived;
import io.lanes.contracts.matter.MatterEvent;
import io.lanes.platform.tracing.Traceparent;
import io.lanes.subscription.domain.EscalationTypes;
import io.lanes.subscription.domain.Notice;
import io.lanes.subscription.domain.Subscription;
import io.lanes.subscription.persistence.Deliveries;
import io.lanes.subscription.persistence.MatterProfiles;
import io.lanes.subscription.persistence.Notices;
import io.lanes.subscription.persistence.SubscriptionRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * Turns the matter stream into deliveries, in the consumer's transaction (so a redelivered record
 * queues nothing twice): it keeps each matter's type, team and screens, stores each escalation event
 * as a notice, and queues it for every active subscription that wants it.
 */
@ApplicationScoped
public class NoticeRouter {

    private final MatterProfiles profiles;
    private final Notices notices;
    private final SubscriptionRecords subscriptions;
    private final Deliveries deliveries;

    public NoticeRouter(
            MatterProfiles profiles, Notices notices, SubscriptionRecords subscriptions, Deliveries deliveries) {
        this.profiles = profiles;
        this.notices = notices;
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
    }

    public Uni<Void> observe(IncomingEvent incoming) {
        if (incoming.event() instanceof HandoffReceived received) {
            return profiles.save(received.matterId(), received.matterType(), received.team());
        }
        if (incoming.event() instanceof HandoffAccepted accepted) {
            return profiles.save(accepted.matterId(), accepted.matterType(), accepted.team());
        }
        if (incoming.event() instanceof EthicalScreenAdded added) {
            return profiles.screen(added.matterId(), added.user());
        }
        if (incoming.event() instanceof EthicalScreenLifted lifted) {
            return profiles.lift(lifted.matterId(), lifted.user());
        }
        if (EscalationTypes.isEscalation(incoming.type())) {
            return route(incoming);
        }
        return Uni.createFrom().voidItem();
    }

    /** The notice keeps the trace context of its routing (the consumed event's span) for its deliveries. */
    private Uni<Void> route(IncomingEvent incoming) {
        String traceparent = Traceparent.current();
        CloudEvent envelope = incoming.envelope();
        String body = StructuredCloudEvent.of(envelope).toString();
        return profiles.find(((MatterEvent) incoming.event()).matterId())
                .map(profile -> Notice.of(
                        incoming,
                        profile.map(MatterProfiles.Profile::matterType).orElse(null),
                        profile.map(MatterProfiles.Profile::team).orElse(null),
                        body))
                .chain(notice -> notices.add(notice, traceparent).chain(seq -> queue(notice, seq)));
    }

    private Uni<Void> queue(Notice notice, Optional<Long> seq) {
        if (seq.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return profiles.screened(notice.matterId())
                .chain(screened -> subscriptions.active().chain(active -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Subscription subscription : active) {
                        if (subscription.wants(notice, screened, true)) {
                            chain = chain.chain(() -> deliveries.enqueue(
                                    subscription.id(), notice.eventId(), notice.matterId(), seq.get()));
                        }
                    }
                    return chain;
                }));
    }
}
