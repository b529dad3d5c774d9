package io.lanes.matter.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Finds matters by the names people and other systems use for them: matter numbers and external ids. */
@ApplicationScoped
public class MatterIdentifiers {

    /** The matter {@code externalId} names in {@code system}, if one does. */
    public Uni<Optional<UUID>> byExternalId(String system, String externalId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT matter_id FROM matter_external_id WHERE system = :system AND external_id = :id",
                                UUID.class)
                        .setParameter("system", system)
                        .setParameter("id", externalId)
                        .getResultList())
                .map(found -> found.stream().findFirst());
    }

    /** Records the matter's id in {@code system} (replacing its earlier one), in the linking transaction. */
    public Uni<Void> link(UUID matterId, String system, String externalId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO matter_external_id "
                                + "(system, external_id, matter_id) VALUES (:system, :id, :matter) "
                                + "ON CONFLICT (matter_id, system) DO UPDATE SET external_id = EXCLUDED.external_id")
                        .setParameter("system", system)
                        .setParameter("id", externalId)
                        .setParameter("matter", matterId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The matters the given names denote, each name a matter number or an id in {@code system};
     * names that denote no matter are absent from the answer.
     */
    public Uni<Map<String, UUID>> resolve(Collection<String> names, String system) {
        if (names.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> wanted = List.copyOf(names);
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT matter_number, matter_id FROM matter_summary WHERE matter_number IN (:names) "
                                        + "UNION ALL SELECT external_id, matter_id FROM matter_external_id "
                                        + "WHERE system = :system AND external_id IN (:names)",
                                Object[].class)
                        .setParameter("names", wanted)
                        .setParameter("system", system)
                        .getResultList())
                .map(MatterIdentifiers::byName);
    }

    private static Map<String, UUID> byName(List<Object[]> rows) {
        Map<String, UUID> matters = new HashMap<>();
        rows.forEach(row -> matters.putIfAbsent((String) row[0], (UUID) row[1]));
        return matters;
    }
}
