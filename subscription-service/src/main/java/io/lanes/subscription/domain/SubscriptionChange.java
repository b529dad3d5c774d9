package io.lanes.subscription.domain;

import io.lanes.eventstore.InternalEvent;
import io.lanes.eventstore.InternalEventTypes;
import java.time.Instant;
import java.util.UUID;

/** Internal events of a webhook subscription (its {@code webhook-delivery-failed} is a contract event). */
public sealed interface SubscriptionChange extends InternalEvent {

    InternalEventTypes<SubscriptionChange> TYPES = new InternalEventTypes<SubscriptionChange>()
            .with("io.lanes.subscription.subscription-created.v1", SubscriptionCreated.class)
            .with("io.lanes.subscription.subscription-changed.v1", SubscriptionChanged.class)
            .with("io.lanes.subscription.secret-rotated.v1", SecretRotated.class)
            .with("io.lanes.subscription.subscription-disabled.v1", SubscriptionDisabled.class)
            .with("io.lanes.subscription.subscription-enabled.v1", SubscriptionEnabled.class)
            .with("io.lanes.subscription.subscription-deleted.v1", SubscriptionDeleted.class);

    record SubscriptionCreated(
            UUID subscriptionId, String owner, SubscriptionSpec spec, SigningSecret secret, Instant occurredAt)
            implements SubscriptionChange {}

    /** The owner changed where, what or which: the whole new spec. */
    record SubscriptionChanged(UUID subscriptionId, SubscriptionSpec spec, String changedBy, Instant occurredAt)
            implements SubscriptionChange {}

    /** A new secret signs from now on; the previous one also signs until {@code previousValidUntil}. */
    record SecretRotated(
            UUID subscriptionId, SigningSecret secret, Instant previousValidUntil, String rotatedBy, Instant occurredAt)
            implements SubscriptionChange {}

    /** No more deliveries: the owner paused it, the endpoint answered 410 Gone, or deliveries kept failing. */
    record SubscriptionDisabled(UUID subscriptionId, String reason, String disabledBy, Instant occurredAt)
            implements SubscriptionChange {}

    record SubscriptionEnabled(UUID subscriptionId, String enabledBy, Instant occurredAt)
            implements SubscriptionChange {}

    record SubscriptionDeleted(UUID subscriptionId, String deletedBy, Instant occurredAt)
            implements SubscriptionChange {}
}
