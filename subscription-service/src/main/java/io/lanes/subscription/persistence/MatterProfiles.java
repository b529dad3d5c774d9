package io.lanes.subscription.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** What the matter stream said of each matter so far: its type and team, and who is screened from it. */
@ApplicationScoped
public class MatterProfiles {

    public record Profile(String matterType, String team) {}

    public Uni<Void> save(UUID matterId, String matterType, String team) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO matter_profile (matter_id, matter_type, team) "
                                + "VALUES (:matter, :type, :team) ON CONFLICT (matter_id) DO UPDATE SET matter_type = "
                                + "EXCLUDED.matter_type, team = EXCLUDED.team")
                        .setParameter("matter", matterId)
                        .setParameter("type", matterType)
                        .setParameter("team", team)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<Profile>> find(UUID matterId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT matter_type, team FROM matter_profile WHERE matter_id = :matter",
                                Object[].class)
                        .setParameter("matter", matterId)
                        .getResultList())
                .map(rows -> rows.stream().findFirst().map(r -> new Profile((String) r[0], (String) r[1])));
    }

    public Uni<Void> screen(UUID matterId, String user) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO matter_screen (matter_id, user_id) VALUES "
                                + "(:matter, :user) ON CONFLICT DO NOTHING")
                        .setParameter("matter", matterId)
                        .setParameter("user", user)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> lift(UUID matterId, String user) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "DELETE FROM matter_screen WHERE matter_id = :matter AND user_id = :user")
                        .setParameter("matter", matterId)
                        .setParameter("user", user)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Set<String>> screened(UUID matterId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT user_id FROM matter_screen WHERE matter_id = :matter", String.class)
                        .setParameter("matter", matterId)
                        .getResultList())
                .map(HashSet::new);
    }

    /** The matters {@code user} is screened from. */
    public Uni<Set<UUID>> mattersScreenedFrom(String user) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT matter_id FROM matter_screen WHERE user_id = :user", UUID.class)
                        .setParameter("user", user)
                        .getResultList())
                .map(HashSet::new);
    }
}
