package io.lanes.subscription.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The delivery queue and log: one row per event per subscription, PENDING until the endpoint takes it
 * or the schedule runs out. A claimed row carries a lease; if the service dies with it on the wire, the
 * lease runs out and the row is claimed again, so a delivery survives a crash (at least once: the
 * receiver deduplicates on {@code webhook-id}).
 */
@ApplicationScoped
public class Deliveries {

    public enum Status {
        PENDING,
        DELIVERED,
        FAILED
    }

    /** A claimed delivery with what sending it needs. */
    public record Claimed(
            UUID subscriptionId,
            UUID eventId,
            int attemptsSoFar,
            String url,
            String body,
            String secret,
            String previousSecret,
            Instant previousSecretUntil,
            String traceparent) {}

    /** A row of a subscription's delivery log. */
    public record Entry(
            UUID eventId,
            String ceType,
            UUID matterId,
            Status status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant lastAttemptAt,
            Instant nextAttemptAt) {}

    /**
     * Claims due deliveries, oldest first: of each subscription only the first pending delivery of each
     * matter (a matter's deliveries go in event order), at most {@code perSubscription} on the wire per
     * subscription (one slow endpoint cannot take every slot) and {@code limit} in all.
     */
    public Uni<List<Claimed>> claim(int limit, int perSubscription, Duration lease) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "WITH due AS (SELECT d.subscription_id, d.event_id, "
                                        + "d.next_attempt_at, row_number() OVER (PARTITION BY d.subscription_id "
                                        + "ORDER BY d.next_attempt_at, d.seq) AS rank, (SELECT count(*) FROM delivery "
                                        + "x WHERE x.subscription_id = d.subscription_id AND x.status = 'PENDING' AND "
                                        + "x.lease_until > now()) AS busy FROM delivery d JOIN subscription s ON s.id = "
                                        + "d.subscription_id AND s.status = 'ACTIVE' WHERE d.status = 'PENDING' AND "
                                        + "d.next_attempt_at <= now() AND (d.lease_until IS NULL OR d.lease_until <= "
                                        + "now()) AND NOT EXISTS (SELECT 1 FROM delivery e WHERE e.subscription_id = "
                                        + "d.subscription_id AND e.matter_id = d.matter_id AND e.status = 'PENDING' "
                                        + "AND e.seq < d.seq)), chosen AS (SELECT subscription_id, event_id FROM due "
                                        + "WHERE rank + busy <= :perSubscription ORDER BY next_attempt_at LIMIT :limit) "
                                        + "UPDATE delivery d SET lease_until = now() + make_interval(secs => :lease) "
                                        + "FROM chosen c, notice n, subscription s WHERE d.subscription_id = "
                                        + "c.subscription_id AND d.event_id = c.event_id AND n.event_id = d.event_id "
                                        + "AND s.id = d.subscription_id AND d.status = 'PENDING' AND (d.lease_until IS "
                                        + "NULL OR d.lease_until <= now()) RETURNING d.subscription_id, d.event_id, "
                                        + "d.attempts, s.url, n.body, s.secret, s.previous_secret, "
                                        + "s.previous_secret_until, n.traceparent",
                                Object[].class)
                        .setParameter("perSubscription", perSubscription)
                        .setParameter("limit", limit)
                        .setParameter("lease", (double) lease.toMillis() / 1000)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Claimed(
                                Rows.uuid(r[0]),
                                Rows.uuid(r[1]),
                                Rows.integer(r[2]),
                                (String) r[3],
                                (String) r[4],
                                (String) r[5],
                                (String) r[6],
                                Rows.instant(r[7]),
                                (String) r[8]))
                        .toList());
    }

    /** Queues the event for the subscription, unless it is queued or was delivered already. */
    public Uni<Void> enqueue(UUID subscriptionId, UUID eventId, UUID matterId, long seq) {
        return write(
                "INSERT INTO delivery (subscription_id, event_id, matter_id, seq, status, next_attempt_at, "
                        + "created_at) VALUES (:subscription, :event, :matter, :seq, 'PENDING', now(), now()) "
                        + "ON CONFLICT DO NOTHING",
                subscriptionId,
                eventId,
                matterId,
                seq);
    }

    /** Queues the event for the subscription again, from its first attempt, whatever became of it before. */
    public Uni<Void> requeue(UUID subscriptionId, UUID eventId, UUID matterId, long seq) {
        return write(
                "INSERT INTO delivery (subscription_id, event_id, matter_id, seq, status, next_attempt_at, "
                        + "created_at) VALUES (:subscription, :event, :matter, :seq, 'PENDING', now(), now()) "
                        + "ON CONFLICT (subscription_id, event_id) DO UPDATE SET status = 'PENDING', attempts = 0, "
                        + "next_attempt_at = now(), lease_until = NULL",
                subscriptionId,
                eventId,
                matterId,
                seq);
    }

    private static Uni<Void> write(String sql, UUID subscriptionId, UUID eventId, UUID matterId, long seq) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(sql)
                        .setParameter("subscription", subscriptionId)
                        .setParameter("event", eventId)
                        .setParameter("matter", matterId)
                        .setParameter("seq", seq)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Records an attempt: {@code status} is where the delivery stands after it, {@code nextAttemptAt}
     * when it goes again (PENDING only).
     */
    public Uni<Void> attempted(
            UUID subscriptionId,
            UUID eventId,
            Status status,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("UPDATE delivery SET status = :status, attempts = "
                                + "attempts + 1, last_status = :lastStatus, last_error = :lastError, last_attempt_at = "
                                + "now(), next_attempt_at = :next, lease_until = NULL WHERE subscription_id = "
                                + ":subscription AND event_id = :event")
                        .setParameter("status", status.name())
                        .setParameter("lastStatus", lastStatus)
                        .setParameter("lastError", lastError)
                        .setParameter("next", Rows.utc(nextAttemptAt))
                        .setParameter("subscription", subscriptionId)
                        .setParameter("event", eventId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The subscription's delivery log, newest event first. */
    public Uni<List<Entry>> log(UUID subscriptionId, int page, int size) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT d.event_id, n.ce_type, d.matter_id, d.status, "
                                        + "d.attempts, d.last_status, d.last_error, d.last_attempt_at, "
                                        + "d.next_attempt_at FROM delivery d JOIN notice n ON n.event_id = d.event_id "
                                        + "WHERE d.subscription_id = :subscription ORDER BY d.seq DESC "
                                        + "LIMIT :size OFFSET :offset",
                                Object[].class)
                        .setParameter("subscription", subscriptionId)
                        .setParameter("size", size)
                        .setParameter("offset", page * size)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Entry(
                                Rows.uuid(r[0]),
                                (String) r[1],
                                Rows.uuid(r[2]),
                                Status.valueOf((String) r[3]),
                                Rows.integer(r[4]),
                                Rows.integer(r[5]),
                                (String) r[6],
                                Rows.instant(r[7]),
                                Rows.instant(r[8])))
                        .toList());
    }

    public Uni<Long> count(UUID subscriptionId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT count(*) FROM delivery WHERE subscription_id = :subscription", Long.class)
                        .setParameter("subscription", subscriptionId)
                        .getSingleResult());
    }
}
