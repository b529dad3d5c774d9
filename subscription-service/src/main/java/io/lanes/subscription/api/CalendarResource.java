package io.lanes.subscription.api;

import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.lanes.subscription.persistence.CalendarRecords.Feed;
import io.lanes.subscription.service.CalendarFeeds;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Milestones in the calendars lawyers live in: a feed URL any calendar app can subscribe to (RFC 5545,
 * all-day events, hard deadlines marked, replans as higher SEQUENCE). The URL is the secret: whoever
 * has it reads the feed, so it is shown once and DELETE revokes it.
 */
@Path("/calendars")
@Tag(name = "Calendar feeds", description = "Milestones as iCalendar feeds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PM, Roles.LEADERSHIP, Roles.ADMIN})
public class CalendarResource {

    static final String CALENDAR = "text/calendar; charset=utf-8";
    private static final int MAX_LENGTH = 100;

    /** What a feed shows: the milestones of one team's matters, of one person's, or (neither) all you see. */
    public record FeedRequest(String team, String assignee) {}

    /** A feed as its owner lists it; {@code url} only in the answer that creates it. */
    public record FeedView(UUID id, String team, String assignee, Instant createdAt, String url) {}

    private final CalendarFeeds feeds;
    private final Callers callers;

    public CalendarResource(CalendarFeeds feeds, Callers callers) {
        this.feeds = feeds;
        this.callers = callers;
    }

    @POST
    @Operation(
            summary = "A calendar feed of milestones (optionally of a team, or of an assignee: the milestones "
                    + "they own and those of the matters they accepted or are responsible for); the answer's url, with its "
                    + "unguessable token, is shown only here")
    @APIResponse(responseCode = "201", description = "Created; url is the feed to subscribe to")
    public Uni<Response> create(FeedRequest request, @Context UriInfo uri) {
        FeedRequest body = request == null ? new FeedRequest(null, null) : request;
        List<FieldError> errors = new ArrayList<>();
        String team = optional("team", body.team(), errors);
        String assignee = optional("assignee", body.assignee(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return feeds.create(callers.current(), team, assignee).map(created -> {
            URI url = uri.getBaseUriBuilder()
                    .path("calendars")
                    .path(created.token() + ".ics")
                    .build();
            return Response.created(URI.create("/calendars/" + created.feed().id()))
                    .entity(view(created.feed(), url.toString()))
                    .build();
        });
    }

    @GET
    @Operation(summary = "Your calendar feeds (admin: everyone's), without their URLs")
    public Uni<List<FeedView>> list() {
        return feeds.list(callers.current())
                .map(all -> all.stream().map(feed -> view(feed, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Revoke a feed: its URL answers 404 from now on")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return feeds.delete(callers.current(), id)
                .map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{token}.ics")
    @PermitAll
    @Produces(CALENDAR)
    @Operation(summary = "The feed (RFC 5545), for calendar apps: the token in the URL is the credential")
    @APIResponse(responseCode = "404", description = "No such feed, or revoked")
    public Uni<Response> calendar(@PathParam("token") String token) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return feeds.calendar(token)
                .map(text -> Response.ok(text, CALENDAR).cacheControl(cache).build());
    }

    private static FeedView view(Feed feed, String url) {
        return new FeedView(feed.id(), feed.team(), feed.assignee(), feed.createdAt(), url);
    }

    private static String optional(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_LENGTH) {
            errors.add(new FieldError(field, "at most " + MAX_LENGTH + " characters", "size"));
        }
        return value.strip();
    }
}
