package io.lanes.eventstore.api;

import io.lanes.eventstore.outbox.ParkedEvents;
import io.lanes.eventstore.outbox.ParkedEvents.ParkedEvent;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of the outbox events Kafka refused for good, in every service that relays events.
 * Blocking JDBC, on a worker thread (the resource returns plain values).
 */
@Path("/admin/outbox/parked")
@Tag(name = "Operations")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ParkedEventsResource {

    private final ParkedEvents parked;

    public ParkedEventsResource(ParkedEvents parked) {
        this.parked = parked;
    }

    @GET
    @Operation(summary = "Events Kafka refused for good, with the reason and what waits behind each")
    public List<ParkedEvent> list() {
        return parked.list();
    }

    @POST
    @Path("/{position}/retry")
    @Operation(summary = "Send a parked event again (after fixing the cause); its stream's waiting events follow it")
    public Map<String, Object> retry(@PathParam("position") long position) {
        if (!parked.retry(position)) {
            throw ProblemException.notFound("parked event at position", position);
        }
        return Map.of("position", position, "requeued", true);
    }
}
