package io.lanes.kpi.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.EventJson;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.lanes.kpi.scorecard.ReportSchedule;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** The stored weekly snapshots and the schedule they are judged against. */
@ApplicationScoped
public class SnapshotStore {

    /** A stored snapshot; {@code scorecards} holds the ops, pm and shared scorecards of its week. */
    public record Snapshot(
            Instant scheduledFor,
            Instant producedAt,
            boolean onTime,
            LocalDate from,
            LocalDate to,
            JsonNode scorecards) {}

    private final Pool pool;

    public SnapshotStore(Pool pool) {
        this.pool = pool;
    }

    /**
     * Records the first slot the service owes: the earliest it was ever asked for. In production the clock
     * only goes forward, so that is the first call's; a local demo whose clock travelled back to the start
     * of its history owes the snapshots from there.
     */
    public Uni<Instant> scheduleFrom(Instant firstSlot) {
        return pool.preparedQuery("INSERT INTO kpi_snapshot_schedule (id, first_slot) VALUES (1, $1) "
                        + "ON CONFLICT (id) DO UPDATE SET first_slot = LEAST(kpi_snapshot_schedule.first_slot, "
                        + "EXCLUDED.first_slot)")
                .execute(Tuple.of(utc(firstSlot)))
                .chain(() -> pool.query("SELECT first_slot FROM kpi_snapshot_schedule WHERE id = 1")
                        .execute())
                .map(rows -> rows.iterator().next().getOffsetDateTime(0).toInstant());
    }

    /** Every slot due since the schedule began, with when (if ever) its snapshot was produced. */
    public Uni<List<ReportDelivery>> deliveries(Instant now) {
        return pool.query("SELECT first_slot FROM kpi_snapshot_schedule WHERE id = 1")
                .execute()
                .chain(first -> pool.query("SELECT scheduled_for, produced_at FROM kpi_snapshot")
                        .execute()
                        .map(rows -> {
                            if (!first.iterator().hasNext()) {
                                return List.<ReportDelivery>of();
                            }
                            Map<Instant, Instant> produced = new HashMap<>();
                            rows.forEach(r -> produced.put(
                                    r.getOffsetDateTime(0).toInstant(),
                                    r.getOffsetDateTime(1).toInstant()));
                            Instant firstSlot =
                                    first.iterator().next().getOffsetDateTime(0).toInstant();
                            return ReportSchedule.slotsBetween(firstSlot, now).stream()
                                    .map(slot -> new ReportDelivery(slot, produced.get(slot)))
                                    .collect(Collectors.toList());
                        }));
    }

    /** Stores a slot's snapshot unless another instance already did; true when this call stored it. */
    public Uni<Boolean> store(Instant slot, Instant producedAt, LocalDate from, LocalDate to, JsonNode scorecards) {
        return pool.preparedQuery("INSERT INTO kpi_snapshot (scheduled_for, produced_at, period_from, period_to, "
                        + "scorecards) VALUES ($1, $2, $3, $4, $5::text::jsonb) ON CONFLICT (scheduled_for) DO NOTHING")
                .execute(Tuple.from(List.of(utc(slot), utc(producedAt), from, to, scorecards.toString())))
                .map(result -> result.rowCount() == 1);
    }

    /** Snapshots scheduled in {@code [from, to)}, newest first; without their scorecards when {@code full} is false. */
    public Uni<List<Snapshot>> list(Instant from, Instant to, boolean full) {
        return pool.preparedQuery("SELECT scheduled_for, produced_at, period_from, period_to, "
                        + (full ? "scorecards::text" : "NULL") + " FROM kpi_snapshot "
                        + "WHERE scheduled_for >= $1 AND scheduled_for < $2 ORDER BY scheduled_for DESC")
                .execute(Tuple.of(utc(from), utc(to)))
                .map(rows -> StreamSupport.stream(rows.spliterator(), false)
                        .map(SnapshotStore::snapshot)
                        .collect(Collectors.toList()));
    }

    public Uni<Optional<Snapshot>> get(Instant slot) {
        return pool.preparedQuery("SELECT scheduled_for, produced_at, period_from, period_to, scorecards::text "
                        + "FROM kpi_snapshot WHERE scheduled_for = $1")
                .execute(Tuple.of(utc(slot)))
                .map(rows -> rows.iterator().hasNext()
                        ? Optional.of(snapshot(rows.iterator().next()))
                        : Optional.empty());
    }

    private static Snapshot snapshot(Row row) {
        ReportDelivery delivery = new ReportDelivery(
                row.getOffsetDateTime(0).toInstant(), row.getOffsetDateTime(1).toInstant());
        String scorecards = row.getString(4);
        return new Snapshot(
                delivery.scheduledFor(),
                delivery.producedAt(),
                delivery.onTime(),
                row.getLocalDate(2),
                row.getLocalDate(3),
                scorecards == null
                        ? null
                        : EventJson.parse(scorecards.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static OffsetDateTime utc(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }
}
