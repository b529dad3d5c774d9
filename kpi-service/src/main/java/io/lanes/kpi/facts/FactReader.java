package io.lanes.kpi.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Reads the facts that occurred before an instant and indexes them (off the event loop). */
@ApplicationScoped
public class FactReader {

    // intake-incomplete feeds no KPI; an intake's fields, checklist, key dates and client feed none either.
    private static final String SQL = "SELECT ce_type, (CASE WHEN ce_type = $2 "
            + "THEN data - 'fields' - 'checklist' - 'keyDates' - 'client' ELSE data END)::text "
            + "FROM kpi_fact WHERE occurred_at < $1 AND ce_type <> $3 ORDER BY occurred_at, ce_id";

    private final Pool pool;

    public FactReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<Facts> before(Instant end) {
        return pool.preparedQuery(SQL)
                .execute(Tuple.of(OffsetDateTime.ofInstant(end, ZoneOffset.UTC), EventType.INTAKE_COMPLETE.ceType(),
                        EventType.INTAKE_INCOMPLETE.ceType()))
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(rows -> {
                    List<LanesEvent> events = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        events.add(decode(row.getString(0), row.getString(1)));
                    }
                    return Facts.of(events);
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
