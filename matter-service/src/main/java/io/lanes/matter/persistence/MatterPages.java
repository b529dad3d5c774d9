package io.lanes.matter.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Pages of the matter listing, filtered in the database: by status, by the teams a user may see, by
 * team and accepting PM, never a matter an ethical screen walls the user off; most recently changed first.
 */
@ApplicationScoped
public class MatterPages {

    public record Page(List<MatterSummary> items, long total) {}

    /**
     * @param visibleTeams the teams the user may see; null for every team
     * @param team only this team's matters, or null
     * @param acceptedBy only the matters this PM accepted, or null
     */
    public Uni<Page> page(
            Set<String> statuses,
            Set<String> visibleTeams,
            String user,
            String team,
            String acceptedBy,
            int page,
            int size) {
        if (visibleTeams != null && visibleTeams.isEmpty()) {
            return Uni.createFrom().item(new Page(List.of(), 0));
        }
        StringBuilder where = new StringBuilder(" FROM matter_summary m WHERE m.status IN (:statuses)"
                + " AND NOT EXISTS (SELECT 1 FROM matter_screen s WHERE s.matter_id = m.matter_id"
                + " AND s.user_name = :user)");
        if (visibleTeams != null) {
            where.append(" AND m.team IN (:teams)");
        }
        if (team != null) {
            where.append(" AND m.team = :team");
        }
        if (acceptedBy != null) {
            where.append(" AND m.accepted_by = :acceptedBy");
        }
        return Panache.getSession().chain(session -> {
            var count = session.createNativeQuery("SELECT count(*)" + where, Long.class);
            var rows = session.createNativeQuery(
                            "SELECT m.*" + where
                                    + " ORDER BY m.updated_at DESC, m.matter_id LIMIT :size OFFSET :offset",
                            MatterSummary.class)
                    .setParameter("size", size)
                    .setParameter("offset", page * size);
            for (var query : List.of(count, rows)) {
                query.setParameter("statuses", List.copyOf(statuses)).setParameter("user", user);
                if (visibleTeams != null) {
                    query.setParameter("teams", List.copyOf(visibleTeams));
                }
                if (team != null) {
                    query.setParameter("team", team);
                }
                if (acceptedBy != null) {
                    query.setParameter("acceptedBy", acceptedBy);
                }
            }
            return count.getSingleResult().chain(total -> rows.getResultList().map(items -> new Page(items, total)));
        });
    }
}
