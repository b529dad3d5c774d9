package io.lanes.kpi.api;

import io.lanes.kpi.service.ProjectionStatus;
import io.lanes.kpi.service.ProjectionStatus.PartitionStatus;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How far the projections got: per topic partition, the next offset to apply, the lag and the last event's time. */
@Path("/projection/status")
@Tag(name = "Projection")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADERSHIP, Roles.OPS, Roles.PM, Roles.ADMIN})
public class ProjectionStatusResource {

    private final ProjectionStatus status;

    public ProjectionStatusResource(ProjectionStatus status) {
        this.status = status;
    }

    @GET
    @Operation(summary = "Per topic partition: next offset applied, end offset, lag, last event time")
    public Uni<List<PartitionStatus>> status() {
        return status.partitions();
    }
}
