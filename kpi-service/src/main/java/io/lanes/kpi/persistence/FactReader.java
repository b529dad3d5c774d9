package io.lanes.kpi.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.lanes.kpi.facts.FactNeeds;
import io.lanes.kpi.facts.Facts;
import io.lanes.kpi.facts.TimeAmount;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads facts (those a computation needs) and indexes them, off the event loop. */
@ApplicationScoped
public class FactReader {

    // An intake's fields, checklist, key dates and client feed no KPI: left in the database.
    private static final String COLUMNS = "SELECT ce_type, (CASE WHEN ce_type = '"
            + EventType.INTAKE_COMPLETE.ceType() + "' THEN data - 'fields' - 'checklist' - 'keyDates' - 'client' "
            + "ELSE data END)::text FROM kpi_fact ";
    private static final String ORDER = " ORDER BY occurred_at, ce_id";
    private static final String LEDGER = "SELECT matter_id, data->>'phase', occurred_at, (data->>'amount')::numeric "
            + "FROM kpi_fact WHERE ce_type = $1 ";

    private final Pool pool;

    public FactReader(Pool pool) {
        this.pool = pool;
    }

    /** The facts a computation needs, of those that occurred before {@code end}. */
    public Uni<Facts> before(Instant end, FactNeeds needs) {
        String[] ceTypes = needs.events().stream().map(EventType::ceType).toArray(String[]::new);
        OffsetDateTime until = OffsetDateTime.ofInstant(end, ZoneOffset.UTC);
        Uni<RowSet<Row>> events = pool.preparedQuery(COLUMNS + "WHERE occurred_at < $1 AND ce_type = ANY($2)" + ORDER)
                .execute(Tuple.of(until, ceTypes));
        if (!needs.timeLedger()) {
            return facts(events, Uni.createFrom().nullItem());
        }
        return facts(
                events,
                pool.preparedQuery(LEDGER + "AND occurred_at < $2" + ORDER)
                        .execute(Tuple.of(EventType.TIME_RECORDED.ceType(), until)));
    }

    /** One matter's facts (its intake's included), its time ledger and every playbook version. */
    public Uni<Facts> ofMatter(UUID matterId) {
        return facts(
                pool.preparedQuery(COLUMNS + "WHERE matter_id = $1 OR ce_type = $2" + ORDER)
                        .execute(Tuple.of(matterId, EventType.PLAYBOOK_PUBLISHED.ceType())),
                pool.preparedQuery(LEDGER + "AND matter_id = $2" + ORDER)
                        .execute(Tuple.of(EventType.TIME_RECORDED.ceType(), matterId)));
    }

    /** Both queries run on the pool; decoding and indexing run on a worker thread. */
    private static Uni<Facts> facts(Uni<RowSet<Row>> eventRows, Uni<RowSet<Row>> ledgerRows) {
        return Uni.combine()
                .all()
                .unis(eventRows, ledgerRows)
                .asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<LanesEvent> events = new ArrayList<>(rows.getItem1().size());
                    for (Row row : rows.getItem1()) {
                        events.add(decode(row.getString(0), row.getString(1)));
                    }
                    if (rows.getItem2() == null) {
                        return Facts.of(events);
                    }
                    List<TimeAmount> ledger = new ArrayList<>(rows.getItem2().size());
                    for (Row row : rows.getItem2()) {
                        ledger.add(new TimeAmount(
                                row.getUUID(0),
                                row.getString(1),
                                row.getOffsetDateTime(2).toInstant(),
                                row.getBigDecimal(3)));
                    }
                    return Facts.of(events, ledger);
                });
    }

    private static LanesEvent decode(String ceType, String json) {
        EventType type = EventType.fromCeType(ceType)
                .orElseThrow(() -> new IllegalStateException("a fact of unknown type " + ceType));
        try {
            return EventJson.mapper().readValue(json, type.javaType());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored " + ceType + " fact no longer decodes", e);
        }
    }
}
