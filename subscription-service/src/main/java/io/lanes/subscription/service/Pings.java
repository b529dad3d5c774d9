package io.lanes.subscription.service;

import io.lanes.contracts.CloudEvent;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventSource;
import io.lanes.contracts.StructuredCloudEvent;
import io.lanes.platform.security.Caller;
import io.lanes.platform.tracing.Traceparent;
import io.lanes.subscription.domain.AttemptResult;
import io.lanes.subscription.domain.Subscription;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * A test delivery: a signed {@code io.lanes.ping.v1} sent to the endpoint now, once, so whoever sets
 * up a PM tool sees at once whether it is reachable and checks signatures. Not queued, not retried.
 */
@ApplicationScoped
public class Pings {

    public static final String PING_TYPE = "io.lanes.ping.v1";

    /** What the endpoint answered; {@code delivered} when it was a 2xx. */
    public record PingResult(UUID webhookId, boolean delivered, Integer status, String error) {}

    private final SubscriptionService subscriptions;
    private final WebhookTargets targets;
    private final WebhookSender sender;
    private final Clock clock;

    public Pings(SubscriptionService subscriptions, WebhookTargets targets, WebhookSender sender, Clock clock) {
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.sender = sender;
        this.clock = clock;
    }

    public Uni<PingResult> ping(Caller caller, UUID subscriptionId) {
        UUID webhookId = UUID.randomUUID();
        Instant now = clock.instant();
        String traceparent = Traceparent.current();
        return subscriptions.get(caller, subscriptionId).chain(row -> {
            Subscription subscription = row.subscription();
            byte[] body = body(webhookId, subscriptionId, now);
            return targets.refusalOffTheEventLoop(subscription.spec().url())
                    .chain(refusal -> refusal.isPresent()
                            ? Uni.createFrom().item(AttemptResult.unanswered(refusal.get()))
                            : sender.send(
                                    subscription.spec().url(),
                                    webhookId.toString(),
                                    body,
                                    subscription.liveSecrets(now),
                                    now,
                                    traceparent))
                    .map(result -> new PingResult(webhookId, result.succeeded(), result.status(), result.error()));
        });
    }

    /** The ping as the same structured-mode CloudEvent every delivery is. */
    private static byte[] body(UUID webhookId, UUID subscriptionId, Instant now) {
        byte[] data = EventJson.mapper()
                .createObjectNode()
                .put("subscriptionId", subscriptionId.toString())
                .put("occurredAt", now.toString())
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        CloudEvent ping = new CloudEvent(
                webhookId, EventSource.SUBSCRIPTION_SERVICE.uri(), PING_TYPE, subscriptionId.toString(), now, 1, data);
        return StructuredCloudEvent.of(ping).toString().getBytes(StandardCharsets.UTF_8);
    }
}
