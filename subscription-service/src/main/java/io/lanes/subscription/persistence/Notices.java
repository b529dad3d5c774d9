package io.lanes.subscription.persistence;

import io.lanes.subscription.domain.Notice;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The escalation events read so far, each with its place in the order they were read. */
@ApplicationScoped
public class Notices {

    /** A stored notice and its sequence number. */
    public record Stored(long seq, Notice notice) {}

    /**
     * A place in the notices' commit order: the id of the transaction that wrote a notice, then its
     * seq. Every notice after it was committed after it, or in the same transaction.
     */
    public record Cursor(long tx, long seq) {}

    /** A notice at its place in commit order. */
    public record Placed(Cursor cursor, Notice notice) {}

    private static final String NOTICE_COLUMNS =
            "event_id, matter_id, ce_type, occurred_at, matter_type, team, cause, severity, body";
    /** The transactions below this one have all ended: no notice can still appear before it. */
    private static final String SETTLED = "pg_snapshot_xmin(pg_current_snapshot())";

    /** Stores the notice; its sequence number, or empty when it was stored before. */
    public Uni<Optional<Long>> add(Notice n, String traceparent) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "INSERT INTO notice (event_id, matter_id, ce_type, "
                                        + "occurred_at, matter_type, team, cause, severity, body, traceparent) VALUES "
                                        + "(:event, :matter, :type, :at, :matterType, :team, :cause, :severity, :body, "
                                        + ":traceparent) "
                                        + "ON CONFLICT (event_id) DO NOTHING RETURNING seq",
                                Long.class)
                        .setParameter("event", n.eventId())
                        .setParameter("matter", n.matterId())
                        .setParameter("type", n.ceType())
                        .setParameter("at", Rows.utc(n.occurredAt()))
                        .setParameter("matterType", n.matterType())
                        .setParameter("team", n.team())
                        .setParameter("cause", n.cause())
                        .setParameter("severity", n.severity())
                        .setParameter("body", n.body())
                        .setParameter("traceparent", traceparent)
                        .getResultList())
                .map(seqs -> seqs.stream().findFirst());
    }

    /** Notices of events that occurred at or after {@code from}, in the order they were read. */
    public Uni<List<Stored>> since(Instant from) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT seq, " + NOTICE_COLUMNS
                                        + " FROM notice WHERE occurred_at >= :from ORDER BY seq",
                                Object[].class)
                        .setParameter("from", Rows.utc(from))
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Stored(Rows.number(r[0]), notice(r, 1)))
                        .toList());
    }

    /** Where "from now on" starts: after every notice of a transaction that has ended. */
    public Uni<Cursor> now() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT CAST(CAST(" + SETTLED + " AS text) AS bigint)", Long.class)
                        .getSingleResult())
                .map(settled -> new Cursor(settled - 1, Long.MAX_VALUE));
    }

    /** The place of the notice of that event, if it is stored. */
    public Uni<Optional<Cursor>> cursorOf(UUID eventId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT CAST(CAST(tx AS text) AS bigint), seq FROM notice WHERE event_id = :event",
                                Object[].class)
                        .setParameter("event", eventId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Cursor(Rows.number(r[0]), Rows.number(r[1]))));
    }

    /** Up to {@code limit} notices after the cursor in commit order, of transactions that have ended. */
    public Uni<List<Placed>> after(Cursor cursor, int limit) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT CAST(CAST(tx AS text) AS bigint), seq, "
                                        + NOTICE_COLUMNS + " FROM notice WHERE tx < " + SETTLED + " AND (tx, seq) > "
                                        + "(CAST(:tx AS xid8), :seq) ORDER BY tx, seq LIMIT :limit",
                                Object[].class)
                        // As text: the driver has no xid8 type to bind a number to.
                        .setParameter("tx", Long.toString(cursor.tx()))
                        .setParameter("seq", cursor.seq())
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Placed(new Cursor(Rows.number(r[0]), Rows.number(r[1])), notice(r, 2)))
                        .toList());
    }

    /**
     * Forgets the notices of events that occurred before {@code before}, with their delivery log, unless a
     * delivery of one is still pending. How many notices went.
     */
    public Uni<Integer> forgetBefore(Instant before) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("WITH old AS (SELECT event_id FROM notice n WHERE "
                                + "occurred_at < :before AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.event_id = "
                                + "n.event_id AND d.status = 'PENDING')), logged AS (DELETE FROM delivery WHERE "
                                + "event_id IN (SELECT event_id FROM old)) DELETE FROM notice WHERE event_id IN "
                                + "(SELECT event_id FROM old)")
                        .setParameter("before", Rows.utc(before))
                        .executeUpdate());
    }

    private static Notice notice(Object[] r, int from) {
        return new Notice(
                Rows.uuid(r[from]),
                Rows.uuid(r[from + 1]),
                (String) r[from + 2],
                Rows.instant(r[from + 3]),
                (String) r[from + 4],
                (String) r[from + 5],
                (String) r[from + 6],
                (String) r[from + 7],
                (String) r[from + 8]);
    }
}
