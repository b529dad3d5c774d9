package io.lanes.subscription.service;

import io.lanes.eventstore.EventMetadata;
import io.lanes.eventstore.EventStore;
import io.lanes.eventstore.aggregate.AggregateRepository;
import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Roles;
import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.SigningSecret;
import io.lanes.subscription.domain.Subscription;
import io.lanes.subscription.domain.SubscriptionChange;
import io.lanes.subscription.domain.SubscriptionCommand;
import io.lanes.subscription.domain.SubscriptionCommand.ChangeSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.CreateSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DeleteSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.DisableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.EnableSubscription;
import io.lanes.subscription.domain.SubscriptionCommand.RotateSecret;
import io.lanes.subscription.domain.SubscriptionDecider;
import io.lanes.subscription.domain.SubscriptionSpec;
import io.lanes.subscription.persistence.Deliveries;
import io.lanes.subscription.persistence.MatterProfiles;
import io.lanes.subscription.persistence.Notices;
import io.lanes.subscription.persistence.SubscriptionRecords;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Webhook subscriptions: each is a stream of its events, with a read model written in the same
 * transaction. A subscription is its owner's; admin sees and changes every one, anyone else gets 404
 * for a subscription that is not theirs (its existence is not theirs to know either).
 */
@ApplicationScoped
public class SubscriptionService {

    public static final String STREAM_TYPE = "subscription";

    private final AggregateRepository<SubscriptionCommand, Subscription, Object> subscriptions;
    private final SubscriptionRecords records;
    private final Deliveries deliveries;
    private final Notices notices;
    private final MatterProfiles profiles;
    private final HooksConfig config;
    private final SecureRandom random;
    private final Clock clock;

    public SubscriptionService(
            EventStore store,
            SubscriptionRecords records,
            Deliveries deliveries,
            Notices notices,
            MatterProfiles profiles,
            HooksConfig config,
            SecureRandom random,
            Clock clock) {
        this.subscriptions = new AggregateRepository<>(
                store, new SubscriptionDecider(), STREAM_TYPE, SubscriptionChange.TYPES.withContractEvents());
        this.records = records;
        this.deliveries = deliveries;
        this.notices = notices;
        this.profiles = profiles;
        this.config = config;
        this.random = random;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Versioned<Subscription>> create(Caller caller, SubscriptionSpec spec) {
        UUID id = UUID.randomUUID();
        return apply(
                id,
                new Versioned<>(Subscription.NONE, 0),
                new CreateSubscription(id, caller.name(), spec, SigningSecret.generate(random), clock.instant()),
                caller);
    }

    /** The caller's subscriptions; every one for admin. */
    @WithSession
    public Uni<List<SubscriptionRecords.Row>> list(Caller caller) {
        return records.list(isAdmin(caller) ? null : caller.name());
    }

    @WithSession
    public Uni<SubscriptionRecords.Row> get(Caller caller, UUID id) {
        return visible(caller, id);
    }

    /** Replaces the spec and, when {@code enabled} is given, pauses or resumes; If-Match optional. */
    @WithTransaction
    public Uni<Versioned<Subscription>> change(
            Caller caller, UUID id, SubscriptionSpec spec, Boolean enabled, Long expectedVersion) {
        Instant now = clock.instant();
        return visible(caller, id).chain(row -> {
            ProblemException.requireVersion("subscription", row.version(), expectedVersion);
            return load(id).chain(current -> subscriptions.decideAndAppend(
                            stream(id), current, new ChangeSubscription(spec, caller.name(), now), by(caller)))
                    .chain(changed -> enabled == null
                            ? Uni.createFrom().item(changed)
                            : subscriptions.decideAndAppend(
                                    stream(id),
                                    changed,
                                    enabled
                                            ? new EnableSubscription(caller.name(), now)
                                            : new DisableSubscription("paused by " + caller.name(), caller.name(), now),
                                    by(caller)))
                    .call(after -> records.save(after.state(), after.version()));
        });
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return visible(caller, id)
                .chain(row -> load(id))
                .chain(current -> apply(id, current, new DeleteSubscription(caller.name(), clock.instant()), caller))
                .replaceWithVoid();
    }

    /** A new secret; the previous one keeps signing beside it for {@code lanes.hooks.previous-secret-validity}. */
    @WithTransaction
    public Uni<Versioned<Subscription>> rotateSecret(Caller caller, UUID id) {
        return visible(caller, id)
                .chain(row -> load(id))
                .chain(current -> apply(
                        id,
                        current,
                        new RotateSecret(
                                SigningSecret.generate(random),
                                config.previousSecretValidity(),
                                caller.name(),
                                clock.instant()),
                        caller));
    }

    @WithSession
    public Uni<DeliveryLog> deliveries(Caller caller, UUID id, int page, int size) {
        return visible(caller, id)
                .chain(row -> deliveries.log(id, page, size))
                .chain(entries -> deliveries.count(id).map(total -> new DeliveryLog(entries, total)));
    }

    /** A page of a subscription's delivery log and how many deliveries it has in all. */
    public record DeliveryLog(List<Deliveries.Entry> entries, long total) {}

    /**
     * Queues again every stored event since {@code from} that the subscription wants now (types, filter,
     * screens): same {@code webhook-id}s, first attempt again. How many were queued.
     */
    @WithTransaction
    public Uni<Integer> replay(Caller caller, UUID id, Instant from) {
        return visible(caller, id).chain(row -> {
            Subscription subscription = row.subscription();
            if (subscription.status() != Subscription.Status.ACTIVE) {
                throw ProblemException.conflict(
                        "SUBSCRIPTION_DISABLED", "Subscription " + id + " is disabled; enable it to replay");
            }
            return profiles.mattersScreenedFrom(subscription.owner())
                    .chain(screened -> notices.since(from).chain(stored -> {
                        Uni<Integer> queued = Uni.createFrom().item(0);
                        for (Notices.Stored s : stored) {
                            Set<String> screenedOwner =
                                    screened.contains(s.notice().matterId()) ? Set.of(subscription.owner()) : Set.of();
                            if (subscription.wants(s.notice(), screenedOwner, false)) {
                                queued = queued.chain(count -> deliveries
                                        .requeue(
                                                id,
                                                s.notice().eventId(),
                                                s.notice().matterId(),
                                                s.seq())
                                        .replaceWith(count + 1));
                            }
                        }
                        return queued;
                    }));
        });
    }

    /** A command of Lanes itself (a delivery failed for good), in the caller's transaction. */
    public Uni<Void> handleInCurrentTransaction(UUID id, SubscriptionCommand command) {
        return load(id).chain(current -> current.state().exists()
                ? apply(id, current, command, Caller.system("lanes-webhooks")).replaceWithVoid()
                : Uni.createFrom().voidItem());
    }

    private Uni<SubscriptionRecords.Row> visible(Caller caller, UUID id) {
        return records.find(id)
                .map(found -> found.filter(row ->
                                isAdmin(caller) || row.subscription().owner().equals(caller.name()))
                        .orElseThrow(() -> ProblemException.notFound("subscription", id)));
    }

    private Uni<Versioned<Subscription>> load(UUID id) {
        return subscriptions.load(stream(id));
    }

    private Uni<Versioned<Subscription>> apply(
            UUID id, Versioned<Subscription> current, SubscriptionCommand command, Caller caller) {
        return subscriptions
                .decideAndAppend(stream(id), current, command, by(caller))
                .call(after -> records.save(after.state(), after.version()));
    }

    private static EventMetadata by(Caller caller) {
        return EventMetadata.by(caller.name());
    }

    private static boolean isAdmin(Caller caller) {
        return caller.roles().contains(Roles.ADMIN);
    }

    /** The stream id is the subscription id: the outbox keys and subjects its contract events by it. */
    static String stream(UUID id) {
        return id.toString();
    }
}
