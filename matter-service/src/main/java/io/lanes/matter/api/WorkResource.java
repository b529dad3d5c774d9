package io.lanes.matter.api;

import io.lanes.matter.service.WorkQueue;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A PM's work queue across matters. */
@Path("/work")
@Tag(name = "Work queue", description = "What needs a PM now, across the matters they may see")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.PM, Roles.LEADERSHIP, Roles.ADMIN})
public class WorkResource {

    private final WorkQueue queue;
    private final Callers callers;

    public WorkResource(WorkQueue queue, Callers callers) {
        this.queue = queue;
        this.callers = callers;
    }

    @GET
    @Operation(
            summary = "Open escalations and tasks assigned to the caller, open milestones of the matters they "
                    + "accepted due within 14 days or late, pending handoffs of their teams; escalations first, then "
                    + "what is late",
            description = "assignee (leadership, admin): that person's escalations, tasks and milestones instead. "
                    + "Matters of other teams, or screened from the caller or the assignee, are left out.")
    @APIResponse(responseCode = "403", description = "A pm asking for another person's queue")
    public Uni<List<WorkQueue.Entry>> work(@QueryParam("assignee") String assignee) {
        Caller caller = callers.current();
        String other =
                assignee == null || assignee.isBlank() || assignee.strip().equals(caller.name())
                        ? null
                        : assignee.strip();
        if (other != null
                && !caller.roles().contains(Roles.LEADERSHIP)
                && !caller.roles().contains(Roles.ADMIN)) {
            throw new ProblemException(
                    ProblemType.FORBIDDEN,
                    "Only leadership and admin see another person's work queue",
                    List.of(new FieldError("assignee", "must be left out (your own queue)", "own-queue")),
                    Map.of());
        }
        return queue.of(caller, other);
    }
}
