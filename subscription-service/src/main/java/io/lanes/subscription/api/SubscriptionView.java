package io.lanes.subscription.api;

import io.lanes.subscription.domain.DeliveryFilter;
import io.lanes.subscription.domain.Subscription;
import io.lanes.subscription.persistence.SubscriptionRecords;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A subscription as its owner sees it; the secret is shown only by {@link CreatedSubscription} and rotation. */
public record SubscriptionView(
        UUID id,
        String owner,
        String url,
        List<String> types,
        Map<String, String> filter,
        String description,
        Subscription.Status status,
        String disabledReason,
        int failedDeliveriesInARow,
        Instant createdAt) {

    static SubscriptionView of(Subscription s, int failedInARow) {
        return new SubscriptionView(
                s.id(),
                s.owner(),
                s.spec().url().toString(),
                s.spec().types(),
                filter(s.spec().filter()),
                s.spec().description(),
                s.status(),
                s.disabledReason(),
                failedInARow,
                s.createdAt());
    }

    static SubscriptionView of(SubscriptionRecords.Row row) {
        return of(row.subscription(), row.failedInARow());
    }

    /** The filter as it was asked for: the keys that are set. */
    static Map<String, String> filter(DeliveryFilter f) {
        Map<String, String> set = new LinkedHashMap<>();
        put(set, "matterType", f.matterType());
        put(set, "team", f.team());
        put(set, "cause", f.cause());
        put(set, "severity", f.severity());
        return set;
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    /** The answer to a creation: the subscription and its signing secret, shown this once. */
    public record CreatedSubscription(SubscriptionView subscription, String secret) {}

    /** The answer to a rotation: the new secret, and until when the previous one also signs. */
    public record RotatedSecret(String secret, Instant previousSecretValidUntil) {}
}
