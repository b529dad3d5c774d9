package io.lanes.contracts.hooks;

import io.lanes.contracts.LanesEvent;
import java.util.UUID;

/** Events of a webhook subscription, published on {@code lanes.hooks.v1} keyed by subscriptionId. */
public sealed interface SubscriptionEvent extends LanesEvent permits WebhookDeliveryFailed {

    UUID subscriptionId();

    @Override
    default String aggregateId() {
        return subscriptionId().toString();
    }
}
