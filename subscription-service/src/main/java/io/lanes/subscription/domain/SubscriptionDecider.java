package io.lanes.subscription.domain;

import io.lanes.contracts.hooks.WebhookDeliveryFailed;
import io.lanes.eventstore.aggregate.Decider;
import io.lanes.eventstore.aggregate.UnhandledCase;
import io.lanes.platform.domain.NotFound;
import io.lanes.subscription.domain.Subscription.Status;
import io.lanes.subscription.domain.SubscriptionChange.SecretRotated;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionChanged;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionCreated;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionDeleted;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionDisabled;
import io.lanes.subscription.domain.SubscriptionChange.SubscriptionEnabled;
import io.lanes.subscription.domain.SubscriptionCommand.ChangeSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.CreateSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DeleteSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DisableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.EnableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.ReportFailedDelivery;
import io.lanes.subscription.domain.SubscriptionCommand.RotateSecret;
import java.util.ArrayList;
import java.util.List;

/**
 * A subscription is created once, changed, paused and resumed by its owner, and deleted for good.
 * Deliveries that fail for good are published ({@code webhook-delivery-failed}); when one also stops
 * the subscription, the same event says so and the subscription is disabled with it. Disabling or
 * enabling twice changes nothing.
 */
public final class SubscriptionDecider implements Decider<SubscriptionCommand, Subscription, Object> {

    /** Why Lanes disabled a subscription on its own. */
    public static final String ENDPOINT_GONE = "the endpoint answered 410 Gone";

    @Override
    public Subscription initialState() {
        return Subscription.NONE;
    }

    @Override
    public Subscription evolve(Subscription subscription, Object event) {
        if (event instanceof SubscriptionCreated created) {
            return new Subscription(
                    created.subscriptionId(),
                    created.owner(),
                    created.spec(),
                    Status.ACTIVE,
                    null,
                    created.secret(),
                    null,
                    null,
                    created.occurredAt());
        }
        if (event instanceof SubscriptionChanged changed) {
            return subscription.with(changed.spec());
        }
        if (event instanceof SecretRotated rotated) {
            return subscription.rotated(rotated.secret(), rotated.previousValidUntil());
        }
        if (event instanceof SubscriptionDisabled disabled) {
            return subscription.with(Status.DISABLED, disabled.reason());
        }
        if (event instanceof SubscriptionEnabled) {
            return subscription.with(Status.ACTIVE, null);
        }
        if (event instanceof SubscriptionDeleted) {
            return subscription.with(Status.DELETED, null);
        }
        if (event instanceof WebhookDeliveryFailed) {
            return subscription;
        }
        throw new UnhandledCase(event);
    }

    @Override
    public List<Object> decide(SubscriptionCommand command, Subscription subscription) {
        if (command instanceof CreateSubscription create) {
            return subscription.id() != null
                    ? List.of()
                    : List.of(new SubscriptionCreated(
                            create.id(), create.owner(), create.spec(), create.secret(), create.at()));
        }
        Subscription existing = requireExisting(subscription);
        if (command instanceof ChangeSubscription change) {
            return change.spec().equals(existing.spec())
                    ? List.of()
                    : List.of(new SubscriptionChanged(existing.id(), change.spec(), change.by(), change.at()));
        }
        if (command instanceof RotateSecret rotate) {
            return List.of(new SecretRotated(
                    existing.id(),
                    rotate.secret(),
                    rotate.at().plus(rotate.previousValidity()),
                    rotate.by(),
                    rotate.at()));
        }
        if (command instanceof DisableSubscription disable) {
            return existing.status() == Status.DISABLED
                    ? List.of()
                    : List.of(new SubscriptionDisabled(existing.id(), disable.reason(), disable.by(), disable.at()));
        }
        if (command instanceof EnableSubscription enable) {
            return existing.status() == Status.ACTIVE
                    ? List.of()
                    : List.of(new SubscriptionEnabled(existing.id(), enable.by(), enable.at()));
        }
        if (command instanceof DeleteSubscription delete) {
            return List.of(new SubscriptionDeleted(existing.id(), delete.by(), delete.at()));
        }
        if (command instanceof ReportFailedDelivery failed) {
            return reportFailure(existing, failed);
        }
        throw new UnhandledCase(command);
    }

    private static List<Object> reportFailure(Subscription subscription, ReportFailedDelivery failed) {
        boolean disables = failed.disable() && subscription.status() == Status.ACTIVE;
        List<Object> events = new ArrayList<>();
        events.add(new WebhookDeliveryFailed(
                subscription.id(),
                subscription.spec().url().toString(),
                failed.eventId(),
                failed.attempts(),
                failed.lastStatus(),
                failed.lastError(),
                disables,
                failed.at()));
        if (disables) {
            String reason = failed.lastStatus() != null && failed.lastStatus() == 410
                    ? ENDPOINT_GONE
                    : "deliveries kept failing: " + failed.lastError();
            events.add(new SubscriptionDisabled(subscription.id(), reason, "lanes", failed.at()));
        }
        return events;
    }

    private static Subscription requireExisting(Subscription subscription) {
        if (!subscription.exists()) {
            throw new NotFound("subscription", "");
        }
        return subscription;
    }
}
