package io.lanes.subscription.service;

import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Roles;
import io.lanes.subscription.domain.MilestoneCalendar;
import io.lanes.subscription.persistence.CalendarRecords;
import io.lanes.subscription.persistence.CalendarRecords.Feed;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Calendar feeds of milestones. A calendar app cannot send a bearer token, so each feed has an
 * unguessable URL token (32 random bytes) shown once; only its SHA-256 is stored, and deleting the
 * feed revokes it. A feed shows what its owner could see when they made it (their teams, never a
 * matter they are screened from), narrowed to a team or an assignee if they asked.
 */
@ApplicationScoped
public class CalendarFeeds {

    /** A new feed and the token of its URL, which is shown only now. */
    public record Created(Feed feed, String token) {}

    private final CalendarRecords calendars;
    private final SecureRandom random;
    private final Clock clock;

    public CalendarFeeds(CalendarRecords calendars, SecureRandom random, Clock clock) {
        this.calendars = calendars;
        this.random = random;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<Created> create(Caller caller, String team, String assignee) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Feed feed = new Feed(
                UUID.randomUUID(),
                caller.name(),
                caller.worksAcrossTeams() ? Set.of(Caller.EVERY_TEAM) : caller.teams(),
                team,
                assignee,
                clock.instant());
        return calendars.addFeed(feed, hash(token)).map(added -> new Created(feed, token));
    }

    @WithSession
    public Uni<List<Feed>> list(Caller caller) {
        return calendars.feedsOf(caller.roles().contains(Roles.ADMIN) ? null : caller.name());
    }

    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return calendars
                .feed(id)
                .map(found -> found.filter(feed -> caller.roles().contains(Roles.ADMIN)
                                || feed.owner().equals(caller.name()))
                        .orElseThrow(() -> ProblemException.notFound("calendar feed", id)))
                .chain(feed -> calendars.deleteFeed(id));
    }

    /** The feed's calendar (RFC 5545 text); 404 for a token no feed has. */
    @WithSession
    public Uni<String> calendar(String token) {
        return calendars
                .feedWithToken(hash(token))
                .map(found -> found.orElseThrow(() -> ProblemException.notFound("calendar feed", "")))
                .chain(feed -> calendars
                        .milestonesFor(feed)
                        .map(milestones -> MilestoneCalendar.render(name(feed), milestones, clock.instant())));
    }

    private static String name(Feed feed) {
        String of = feed.team() != null ? " · " + feed.team() : "";
        String whose = feed.assignee() != null ? " · " + feed.assignee() : "";
        return "Lanes milestones" + of + whose;
    }

    private static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
