package io.lanes.subscription.persistence;

import io.lanes.subscription.domain.CalendarMilestone;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Calendar feeds, and the milestones of the matters they show, projected from the matter stream. */
@ApplicationScoped
public class CalendarRecords {

    /** A feed: whose it is, what they could see when they made it, and what it asks for. */
    public record Feed(
            UUID id, String owner, Set<String> ownerTeams, String team, String assignee, Instant createdAt) {}

    private static final String FEED_COLUMNS = "id, owner, owner_teams, team, assignee, created_at";

    public Uni<Void> addFeed(Feed feed, String tokenHash) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO calendar_feed (id, token_hash, owner, "
                                + "owner_teams, team, assignee, created_at) VALUES (:id, :hash, :owner, :teams, "
                                + ":team, :assignee, :created)")
                        .setParameter("id", feed.id())
                        .setParameter("hash", tokenHash)
                        .setParameter("owner", feed.owner())
                        .setParameter("teams", String.join(" ", feed.ownerTeams()))
                        .setParameter("team", feed.team())
                        .setParameter("assignee", feed.assignee())
                        .setParameter("created", Rows.utc(feed.createdAt()))
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Optional<Feed>> feedWithToken(String tokenHash) {
        return feeds("token_hash = :value", tokenHash)
                .map(feeds -> feeds.stream().findFirst());
    }

    public Uni<Optional<Feed>> feed(UUID id) {
        return feeds("id = :value", id).map(feeds -> feeds.stream().findFirst());
    }

    /** Oldest first; of one owner, or everyone's when {@code owner} is null. */
    public Uni<List<Feed>> feedsOf(String owner) {
        return feeds("(CAST(:value AS text) IS NULL OR owner = :value)", owner);
    }

    private Uni<List<Feed>> feeds(String where, Object value) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT " + FEED_COLUMNS + " FROM calendar_feed WHERE " + where
                                        + " ORDER BY created_at, id",
                                Object[].class)
                        .setParameter("value", value)
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new Feed(
                                Rows.uuid(r[0]),
                                (String) r[1],
                                Set.copyOf(Arrays.asList(((String) r[2]).split(" "))),
                                (String) r[3],
                                (String) r[4],
                                Rows.instant(r[5])))
                        .toList());
    }

    public Uni<Void> deleteFeed(UUID id) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("DELETE FROM calendar_feed WHERE id = :id")
                        .setParameter("id", id)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> matterOpened(
            UUID matterId, String matterNumber, String team, String acceptedBy, String responsibleAttorney) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO calendar_matter (matter_id, matter_number, "
                                + "team, accepted_by, responsible_attorney) VALUES (:matter, :number, :team, "
                                + ":acceptedBy, :attorney) ON CONFLICT (matter_id) DO NOTHING")
                        .setParameter("matter", matterId)
                        .setParameter("number", matterNumber)
                        .setParameter("team", team)
                        .setParameter("acceptedBy", acceptedBy)
                        .setParameter("attorney", responsibleAttorney)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> matterClosed(UUID matterId) {
        return update("UPDATE calendar_matter SET closed = TRUE WHERE matter_id = :id", matterId);
    }

    /** A milestone planned (at acceptance or later); a matter this service never saw open is skipped. */
    public Uni<Void> milestonePlanned(
            UUID matterId, UUID milestoneId, String name, LocalDate dueDate, String owner, boolean hardDeadline) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("INSERT INTO calendar_milestone (milestone_id, "
                                + "matter_id, name, due_date, owner, hard_deadline) SELECT :milestone, :matter, :name, "
                                + ":due, :owner, :hard WHERE EXISTS (SELECT 1 FROM calendar_matter WHERE matter_id = "
                                + ":matter) ON CONFLICT (milestone_id) DO NOTHING")
                        .setParameter("milestone", milestoneId)
                        .setParameter("matter", matterId)
                        .setParameter("name", name)
                        .setParameter("due", dueDate)
                        .setParameter("owner", owner)
                        .setParameter("hard", hardDeadline)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> milestoneReplanned(UUID milestoneId, LocalDate dueDate) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("UPDATE calendar_milestone SET due_date = :due, "
                                + "sequence = sequence + 1 WHERE milestone_id = :id")
                        .setParameter("due", dueDate)
                        .setParameter("id", milestoneId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<Void> milestoneCompleted(UUID milestoneId, LocalDate completedOn) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "UPDATE calendar_milestone SET completed_on = :on WHERE milestone_id = :id")
                        .setParameter("on", completedOn)
                        .setParameter("id", milestoneId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * The milestones a feed shows: of open matters of the owner's teams (every team for {@code *}) that
     * the owner is not screened from; of the feed's team, if it names one; and, if it names an assignee,
     * those the assignee owns or whose matter they accepted or are responsible for.
     */
    public Uni<List<CalendarMilestone>> milestonesFor(Feed feed) {
        boolean everyTeam = feed.ownerTeams().contains("*");
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(
                                "SELECT s.milestone_id, m.matter_number, s.name, "
                                        + "s.due_date, s.owner, s.hard_deadline, s.completed_on, s.sequence FROM "
                                        + "calendar_milestone s JOIN calendar_matter m ON m.matter_id = s.matter_id "
                                        + "WHERE NOT m.closed AND (:everyTeam OR m.team = ANY(string_to_array(:teams, "
                                        + "' '))) AND (CAST(:team AS text) IS NULL OR m.team = :team) AND "
                                        + "(CAST(:assignee AS text) IS NULL OR :assignee IN (s.owner, m.accepted_by, "
                                        + "m.responsible_attorney)) AND NOT EXISTS (SELECT 1 FROM matter_screen x "
                                        + "WHERE x.matter_id = m.matter_id AND x.user_id = :owner) ORDER BY "
                                        + "s.due_date, s.milestone_id",
                                Object[].class)
                        .setParameter("everyTeam", everyTeam)
                        .setParameter("teams", String.join(" ", feed.ownerTeams()))
                        .setParameter("team", feed.team())
                        .setParameter("assignee", feed.assignee())
                        .setParameter("owner", feed.owner())
                        .getResultList())
                .map(rows -> rows.stream()
                        .map(r -> new CalendarMilestone(
                                Rows.uuid(r[0]),
                                (String) r[1],
                                (String) r[2],
                                Rows.date(r[3]),
                                (String) r[4],
                                (Boolean) r[5],
                                Rows.date(r[6]),
                                Rows.integer(r[7])))
                        .toList());
    }

    private static Uni<Void> update(String sql, UUID id) {
        return Panache.getSession()
                .chain(session ->
                        session.createNativeQuery(sql).setParameter("id", id).executeUpdate())
                .replaceWithVoid();
    }
}
