package io.lanes.kpi.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.lanes.contracts.EventJson;
import io.lanes.contracts.EventType;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.kpi.scorecard.Playbooks;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** Every playbook version seen, for KPI targets (a few rows per matter type: they do not grow with matters). */
@ApplicationScoped
public class PlaybookReader {

    private final Pool pool;

    public PlaybookReader(Pool pool) {
        this.pool = pool;
    }

    public Uni<Playbooks> playbooks() {
        return pool.preparedQuery("SELECT data::text FROM kpi_fact WHERE ce_type = $1")
                .execute(Tuple.of(EventType.PLAYBOOK_PUBLISHED.ceType()))
                .map(rows -> {
                    List<PlaybookPublished> versions = new ArrayList<>();
                    for (Row row : rows) {
                        versions.add(decode(row.getString(0)));
                    }
                    return new Playbooks(versions);
                });
    }

    private static PlaybookPublished decode(String json) {
        try {
            return EventJson.mapper().readValue(json, PlaybookPublished.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored playbook-published fact no longer decodes", e);
        }
    }
}
