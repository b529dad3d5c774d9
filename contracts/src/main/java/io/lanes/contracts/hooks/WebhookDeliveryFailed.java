package io.lanes.contracts.hooks;

import java.time.Instant;
import java.util.UUID;

/**
 * A webhook subscription's endpoint kept failing: one delivery exhausted its retries, or the
 * subscription was disabled (the endpoint answered 410 Gone, or deliveries failed one after another).
 *
 * @param eventId    the {@code ce_id} of the event whose delivery failed
 * @param lastStatus the endpoint's last HTTP status; absent when it never answered (timeout, refused)
 * @param lastError  what went wrong last, for a person
 */
public record WebhookDeliveryFailed(
        UUID subscriptionId,
        String url,
        UUID eventId,
        int attempts,
        Integer lastStatus,
        String lastError,
        boolean disabled,
        Instant occurredAt)
        implements SubscriptionEvent {}
