package io.lanes.matter.persistence;

import io.lanes.matter.domain.WorkItem;
import io.lanes.matter.domain.WorkItem.WorkKind;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The work queue's table: each matter's work items, replaced whole in the transaction that changes it. */
@ApplicationScoped
public class WorkItems {

    /** A work item with the matter it is on, as the queue lists it. */
    public record Row(
            UUID matterId,
            String matterNumber,
            String matterName,
            String team,
            WorkKind kind,
            String itemId,
            String title,
            String assignee,
            LocalDate dueDate,
            boolean flagged) {}

    public Uni<Boolean> isEmpty() {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("SELECT count(*) FROM work_item", Long.class)
                        .getSingleResult())
                .map(count -> count == 0);
    }

    /** Replaces the matter's items with {@code items}. */
    public Uni<Void> replace(UUID matterId, String team, String name, String number, List<WorkItem> items) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM work_item WHERE matter_id = :matter")
                        .setParameter("matter", matterId)
                        .executeUpdate()
                        .chain(deleted -> {
                            Uni<Integer> inserted = Uni.createFrom().item(0);
                            for (WorkItem item : items) {
                                inserted = inserted.chain(() -> session.createNativeQuery("INSERT INTO work_item "
                                                + "(matter_id, item_id, kind, assignee, team, title, due_date, "
                                                + "flagged, matter_name, matter_number) VALUES (:matter, :item, "
                                                + ":kind, :assignee, :team, :title, :due, :flagged, :name, :number)")
                                        .setParameter("matter", matterId)
                                        .setParameter("item", item.itemId())
                                        .setParameter("kind", item.kind().name())
                                        .setParameter("assignee", item.assignee())
                                        .setParameter("team", team)
                                        .setParameter("title", item.title())
                                        .setParameter("due", item.dueDate())
                                        .setParameter("flagged", item.flagged())
                                        .setParameter("name", name)
                                        .setParameter("number", number)
                                        .executeUpdate());
                            }
                            return inserted;
                        }))
                .replaceWithVoid();
    }

    /**
     * What needs {@code assignee}: escalations and tasks assigned to them, open milestones of the
     * matters they accepted that are due by {@code horizon} or already late, and, when {@code teams}
     * is given, the pending handoffs of those teams (null: of every team).
     */
    public Uni<List<Row>> of(String assignee, Set<String> teams, boolean everyTeam, LocalDate horizon) {
        boolean someTeams = teams != null && !everyTeam && !teams.isEmpty();
        String handoffs = teams != null && everyTeam
                ? "kind = 'HANDOFF'"
                : someTeams ? "(kind = 'HANDOFF' AND team IN (:teams))" : "FALSE";
        return Panache.getSession()
                .chain(session -> {
                    var query = session.createNativeQuery(
                                    "SELECT matter_id, matter_number, matter_name, team, kind, item_id, title, "
                                            + "assignee, due_date, flagged FROM work_item WHERE "
                                            + "(kind IN ('ESCALATION', 'TASK') AND assignee = :assignee) "
                                            + "OR (kind = 'MILESTONE' AND assignee = :assignee "
                                            + "AND (flagged OR due_date <= :horizon)) OR "
                                            + handoffs,
                                    Object[].class)
                            .setParameter("assignee", assignee)
                            .setParameter("horizon", horizon);
                    if (someTeams) {
                        query.setParameter("teams", List.copyOf(teams));
                    }
                    return query.getResultList();
                })
                .map(rows -> rows.stream().map(WorkItems::row).collect(Collectors.toList()));
    }

    private static Row row(Object[] r) {
        return new Row(
                (UUID) r[0],
                (String) r[1],
                (String) r[2],
                (String) r[3],
                WorkKind.valueOf((String) r[4]),
                (String) r[5],
                (String) r[6],
                (String) r[7],
                r[8] == null ? null : toDate(r[8]),
                (Boolean) r[9]);
    }

    private static LocalDate toDate(Object value) {
        return value instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) value;
    }
}
