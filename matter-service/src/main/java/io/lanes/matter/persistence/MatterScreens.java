package io.lanes.matter.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The ethical screens as a table, so a listing can leave out the matters a user is walled off. */
@ApplicationScoped
public class MatterScreens {

    /** The matters an ethical screen walls any of {@code users} off. */
    public Uni<Set<UUID>> screenedFrom(Set<String> users) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT matter_id FROM matter_screen WHERE user_name IN (:users)", UUID.class)
                        .setParameter("users", List.copyOf(users))
                        .getResultList())
                .map(HashSet::new);
    }

    public Uni<Void> screen(UUID matterId, String user) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO matter_screen (matter_id, user_name) "
                                + "VALUES (:matter, :user) ON CONFLICT DO NOTHING")
                        .setParameter("matter", matterId)
                        .setParameter("user", user)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> lift(UUID matterId, String user) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "DELETE FROM matter_screen WHERE matter_id = :matter AND user_name = :user")
                        .setParameter("matter", matterId)
                        .setParameter("user", user)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
