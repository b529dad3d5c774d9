package io.lanes.kpi.persistence;

import io.lanes.contracts.EventType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Set;

/** The practice areas, matter types and teams the facts name: what a filter may ask for. */
@ApplicationScoped
public class KnownValues {

    /** The values seen per filter. */
    public record Values(Set<String> practiceAreas, Set<String> matterTypes, Set<String> teams) {}

    private final Pool pool;

    public KnownValues(Pool pool) {
        this.pool = pool;
    }

    public Uni<Values> read() {
        return pool.preparedQuery("SELECT DISTINCT data->>'practiceArea', data->>'matterType', "
                        + "coalesce(data->>'team', data#>>'{routing,team}') FROM kpi_fact WHERE ce_type = ANY($1)")
                .execute(Tuple.of(new String[] {
                    EventType.INTAKE_COMPLETE.ceType(),
                    EventType.HANDOFF_RECEIVED.ceType(),
                    EventType.HANDOFF_ACCEPTED.ceType(),
                    EventType.PLAYBOOK_PUBLISHED.ceType()
                }))
                .map(rows -> {
                    Values values = new Values(new HashSet<>(), new HashSet<>(), new HashSet<>());
                    for (Row row : rows) {
                        add(values.practiceAreas(), row.getString(0));
                        add(values.matterTypes(), row.getString(1));
                        add(values.teams(), row.getString(2));
                    }
                    return values;
                });
    }

    private static void add(Set<String> set, String value) {
        if (value != null) {
            set.add(value);
        }
    }
}
