package io.lanes.subscription.api;

import io.lanes.platform.domain.InvalidInput;
import io.lanes.platform.domain.Violation;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.lanes.subscription.config.HooksConfig;
import io.lanes.subscription.domain.Notice;
import io.lanes.subscription.domain.SubscriptionRules;
import io.lanes.subscription.domain.SubscriptionRules.Selection;
import io.lanes.subscription.service.EscalationStream;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Escalations as they happen, as server-sent events: for a PM's browser tab or a tool that keeps a
 * connection open. Each event's {@code id} is its {@code ce_id}; a client that reconnects with
 * {@code Last-Event-ID} gets exactly what it missed, from this service's store of recent escalations.
 */
@Path("/escalations/stream")
@Tag(name = "Escalation stream", description = "Escalations live, as server-sent events")
@RolesAllowed({Roles.PM, Roles.LEADERSHIP})
public class EscalationStreamResource {

    private static final List<String> PARAMETERS = List.of("types", "matterType", "team", "cause", "severity");

    private final EscalationStream stream;
    private final SubscriptionRules rules;
    private final Callers callers;
    private final HooksConfig config;

    public EscalationStreamResource(
            EscalationStream stream, SubscriptionRules rules, Callers callers, HooksConfig config) {
        this.stream = stream;
        this.rules = rules;
        this.callers = callers;
        this.config = config;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(
            summary = "Escalations of your teams' matters as they happen (text/event-stream): event name = "
                    + "ce_type, id = ce_id, data = the CloudEvents structured JSON; query parameters types (comma-"
                    + "separated event names), matterType, team, cause, severity filter as a subscription's filter "
                    + "does; Last-Event-ID resumes after that event (an id no longer kept starts from now); a "
                    + "heartbeat comment every 15 s")
    public Multi<OutboundSseEvent> stream(
            @Context UriInfo uri, @HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Selection selection = selection(uri.getQueryParameters());
        UUID after = lastEventId(lastEventId);
        Multi<OutboundSseEvent> events =
                stream.follow(callers.current(), selection, after).map(notice -> event(sse, notice));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom()
                .ticks()
                .every(config.streamHeartbeat())
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private Selection selection(Map<String, List<String>> parameters) {
        List<Violation> unknown = new ArrayList<>();
        Map<String, String> filter = new LinkedHashMap<>();
        List<String> types = new ArrayList<>();
        parameters.forEach((name, values) -> {
            if (!PARAMETERS.contains(name)) {
                unknown.add(new Violation(name, "unknown parameter; one of " + PARAMETERS, "unknown"));
            } else if (name.equals("types")) {
                values.forEach(value -> types.addAll(Arrays.asList(value.split(","))));
            } else {
                filter.put(name, values.get(0));
            }
        });
        if (!unknown.isEmpty()) {
            throw new InvalidInput(unknown);
        }
        return rules.selection(types, filter);
    }

    private static UUID lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(header.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(List.of(new Violation("Last-Event-ID", "an event id (a UUID)", "uuid")));
        }
    }

    private static OutboundSseEvent event(Sse sse, Notice notice) {
        return sse.newEventBuilder()
                .id(notice.eventId().toString())
                .name(notice.ceType())
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(String.class, notice.body())
                .build();
    }
}
