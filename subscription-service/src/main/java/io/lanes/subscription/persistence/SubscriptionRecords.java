package io.lanes.subscription.persistence;

import io.lanes.subscription.domain.DeliveryFilter;
import io.lanes.subscription.domain.SigningSecret;
import io.lanes.subscription.domain.Subscription;
import io.lanes.subscription.domain.SubscriptionSpec;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscriptions as their streams left them, written in the transaction of each change: what the
 * API lists and the router matches, plus how many deliveries in a row have failed (operational, not an event).
 */
@ApplicationScoped
public class SubscriptionRecords {

    /** A subscription with its stream version and its run of failed deliveries. */
    public record Row(Subscription subscription, long version, int failedInARow) {}

    private static final String COLUMNS = "id, owner, url, types, matter_type, team, cause, severity, description, "
            + "status, disabled_reason, secret, previous_secret, previous_secret_until, created_at, version, "
            + "failed_in_a_row";

    /** Writes the subscription's state at {@code version}; a deleted one leaves the table (its deliveries with it). */
    public Uni<Void> save(Subscription s, long version) {
        if (s.status() == Subscription.Status.DELETED) {
            return Panache.getSession()
                    .chain(session -> session.createNativeQuery("DELETE FROM subscription WHERE id = :id")
                            .setParameter("id", s.id())
                            .executeUpdate())
                    .replaceWithVoid();
        }
        DeliveryFilter filter = s.spec().filter();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO subscription (id, owner, url, types, "
                                + "matter_type, team, cause, severity, description, status, disabled_reason, secret, "
                                + "previous_secret, previous_secret_until, created_at, version) VALUES (:id, :owner, "
                                + ":url, :types, :matterType, :team, :cause, :severity, :description, :status, "
                                + ":reason, :secret, :previous, :previousUntil, :created, :version) ON CONFLICT (id) "
                                + "DO UPDATE SET url = EXCLUDED.url, types = EXCLUDED.types, matter_type = "
                                + "EXCLUDED.matter_type, team = EXCLUDED.team, cause = EXCLUDED.cause, severity = "
                                + "EXCLUDED.severity, description = EXCLUDED.description, status = EXCLUDED.status, "
                                + "disabled_reason = EXCLUDED.disabled_reason, secret = EXCLUDED.secret, "
                                + "previous_secret = EXCLUDED.previous_secret, previous_secret_until = "
                                + "EXCLUDED.previous_secret_until, version = EXCLUDED.version, failed_in_a_row = CASE "
                                + "WHEN EXCLUDED.status = 'ACTIVE' AND subscription.status <> 'ACTIVE' THEN 0 ELSE "
                                + "subscription.failed_in_a_row END")
                        .setParameter("id", s.id())
                        .setParameter("owner", s.owner())
                        .setParameter("url", s.spec().url().toString())
                        .setParameter("types", String.join(" ", s.spec().types()))
                        .setParameter("matterType", filter.matterType())
                        .setParameter("team", filter.team())
                        .setParameter("cause", filter.cause())
                        .setParameter("severity", filter.severity())
                        .setParameter("description", s.spec().description())
                        .setParameter("status", s.status().name())
                        .setParameter("reason", s.disabledReason())
                        .setParameter("secret", s.secret().value())
                        .setParameter(
                                "previous",
                                s.previousSecret() == null
                                        ? null
                                        : s.previousSecret().value())
                        .setParameter("previousUntil", Rows.utc(s.previousSecretUntil()))
                        .setParameter("created", Rows.utc(s.createdAt()))
                        .setParameter("version", version)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<Row>> find(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT " + COLUMNS + " FROM subscription WHERE id = :id", Object[].class)
                        .setParameter("id", id)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(SubscriptionRecords::row));
    }

    /** Oldest first; of one owner, or of everyone when {@code owner} is null. */
    public Uni<List<Row>> list(String owner) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT " + COLUMNS + " FROM subscription WHERE (CAST(:owner AS text) IS NULL OR "
                                        + "owner = :owner) ORDER BY created_at, id",
                                Object[].class)
                        .setParameter("owner", owner)
                        .getResultList())
                .map(rows -> rows.stream().map(SubscriptionRecords::row).toList());
    }

    /** The subscriptions that receive deliveries now. */
    public Uni<List<Subscription>> active() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT " + COLUMNS + " FROM subscription WHERE status = 'ACTIVE'", Object[].class)
                        .getResultList())
                .map(rows -> rows.stream().map(r -> row(r).subscription()).toList());
    }

    /** A delivery failed for good: the run of failures grows; how long it is now. */
    public Uni<Integer> deliveryFailed(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE subscription SET failed_in_a_row = failed_in_a_row + 1 WHERE id = :id "
                                        + "RETURNING failed_in_a_row",
                                Integer.class)
                        .setParameter("id", id)
                        .getResultList())
                .map(counts -> counts.isEmpty() ? 0 : counts.get(0));
    }

    /** A delivery succeeded: the run of failures is over. */
    public Uni<Void> deliverySucceeded(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE subscription SET failed_in_a_row = 0 WHERE id = :id AND failed_in_a_row > 0")
                        .setParameter("id", id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Row row(Object[] r) {
        String previous = (String) r[12];
        Subscription subscription = new Subscription(
                (UUID) r[0],
                (String) r[1],
                new SubscriptionSpec(
                        URI.create((String) r[2]),
                        Arrays.asList(((String) r[3]).split(" ")),
                        new DeliveryFilter((String) r[4], (String) r[5], (String) r[6], (String) r[7]),
                        (String) r[8]),
                Subscription.Status.valueOf((String) r[9]),
                (String) r[10],
                new SigningSecret((String) r[11]),
                previous == null ? null : new SigningSecret(previous),
                Rows.instant(r[13]),
                Rows.instant(r[14]));
        return new Row(subscription, Rows.number(r[15]), Rows.integer(r[16]));
    }
}
