package io.lanes.kpi.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
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
        return pool.query("SELECT kind, value FROM kpi_known_value").execute().map(rows -> {
            Values values = new Values(new HashSet<>(), new HashSet<>(), new HashSet<>());
            for (Row row : rows) {
                switch (row.getString(0)) {
                    case "practiceArea" -> values.practiceAreas().add(row.getString(1));
                    case "matterType" -> values.matterTypes().add(row.getString(1));
                    default -> values.teams().add(row.getString(1));
                }
            }
            return values;
        });
    }
}
