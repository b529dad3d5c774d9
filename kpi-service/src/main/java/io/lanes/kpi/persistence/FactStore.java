package io.lanes.kpi.persistence;

import io.lanes.kpi.facts.FactRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Writes a fact once (by {@code ce_id}), in the consuming batch's transaction. */
public final class FactStore {

    /** The fact projection's consumer name in eventstore's dedupe and progress tables. */
    public static final String CONSUMER = "kpi-facts";

    private FactStore() {}

    public static Uni<Void> insert(FactRow row) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                // Through text: the reactive driver would send a String bound to jsonb as a JSON string
                                // scalar,
                                // and a null UUID as an unknown type.
                                "INSERT INTO kpi_fact (ce_id, ce_type, subject, matter_id, occurred_at, data) VALUES (:id, :type, "
                                        + ":subject, CAST(CAST(:matter AS text) AS uuid), :at, CAST(CAST(:data AS text) AS jsonb)) "
                                        + "ON CONFLICT (ce_id) DO NOTHING")
                        .setParameter("id", row.ceId())
                        .setParameter("type", row.ceType())
                        .setParameter("subject", row.subject())
                        .setParameter(
                                "matter",
                                row.matterId() == null ? null : row.matterId().toString())
                        .setParameter("at", row.occurredAt())
                        .setParameter("data", row.data())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
