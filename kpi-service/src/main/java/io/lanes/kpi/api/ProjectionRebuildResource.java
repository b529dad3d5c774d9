package io.lanes.kpi.api;

import io.lanes.kpi.rebuild.ProjectionRebuild;
import io.lanes.kpi.rebuild.RebuildStatus;
import io.lanes.platform.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Rebuild of the facts from offset 0: fresh table, swapped in when caught up; the old numbers serve meanwhile. */
@Path("/projection/rebuild")
@Tag(name = "Projection")
@Produces(MediaType.APPLICATION_JSON)
public class ProjectionRebuildResource {

    private final ProjectionRebuild rebuild;

    public ProjectionRebuildResource(ProjectionRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Start a rebuild from offset 0 (202; 409 while one runs); poll GET for its state")
    public Response start() {
        return Response.accepted(rebuild.start())
                .header("Location", "/projection/rebuild")
                .build();
    }

    @GET
    @RolesAllowed({Roles.ADMIN, Roles.LEADERSHIP})
    @Operation(summary = "The running or last rebuild: state, records read, poison records skipped, events/s")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
