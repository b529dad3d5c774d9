package io.lanes.subscription.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** What can happen to a webhook subscription. */
public sealed interface SubscriptionCommand {

    record CreateSubscription(UUID id, String owner, SubscriptionSpec spec, SigningSecret secret, Instant at)
            implements SubscriptionCommand {}

    record ChangeSubscription(SubscriptionSpec spec, String by, Instant at) implements SubscriptionCommand {}

    record RotateSecret(SigningSecret secret, Duration previousValidity, String by, Instant at)
            implements SubscriptionCommand {}

    record DisableSubscription(String reason, String by, Instant at) implements SubscriptionCommand {}

    record EnableSubscription(String by, Instant at) implements SubscriptionCommand {}

    record DeleteSubscription(String by, Instant at) implements SubscriptionCommand {}

    /**
     * A delivery failed for good ({@code disable}: and the subscription should stop: the endpoint answered
     * 410 Gone, or too many deliveries failed in a row).
     */
    record ReportFailedDelivery(
            UUID eventId, int attempts, Integer lastStatus, String lastError, boolean disable, Instant at)
            implements SubscriptionCommand {}
}
