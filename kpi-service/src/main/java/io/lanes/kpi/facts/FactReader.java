package io.lanes.kpi.facts;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.LanesEvent;
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
import java.util.Set;
import java.util.UUID;

/** Reads facts (those a computation needs) and indexes them, off the event loop. */
@ApplicationScoped
public class FactReader {

    // An intake's fields, checklist, key dates and client feed no KPI: left in the database.
    private static final String COLUMNS = "SELECT ce_type, (CASE WHEN ce_type = '"
            + EventType.INTAKE_COMPLETE.ceType() + "' THEN data - 'fields' - 'checklist' - 'keyDates' - 'client' "
            + "ELSE data END)::text FROM kpi_fact ";
    private static final String ORDER = " ORDER BY occurred_at, ce_id";

    private final Pool pool;

    public FactReader(Pool pool) {
        this.pool = pool;
    }

    /** The facts of the given types that occurred before {@code end}. */
    public Uni<Facts> before(Instant end, Set<EventType> types) {
        String[] ceTypes = types.stream().map(EventType::ceType).toArray(String[]::new);
        return facts(pool.preparedQuery(COLUMNS + "WHERE occurred_at < $1 AND ce_type = ANY($2)" + ORDER)
                .execute(Tuple.of(OffsetDateTime.ofInstant(end, ZoneOffset.UTC), ceTypes)));
    }

    /** One matter's facts (its intake's included) and every playbook version. */
    public Uni<Facts> ofMatter(UUID matterId) {
        return facts(pool.preparedQuery(COLUMNS + "WHERE matter_id = $1 OR ce_type = $2" + ORDER)
                .execute(Tuple.of(matterId, EventType.PLAYBOOK_PUBLISHED.ceType())));
    }

    private static Uni<Facts> facts(Uni<RowSet<Row>> query) {
        return query.emitOn(Infrastructure.getDefaultWorkerPool()).map(rows -> {
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
