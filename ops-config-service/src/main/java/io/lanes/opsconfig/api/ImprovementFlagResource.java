package io.lanes.opsconfig.api;

import io.lanes.opsconfig.domain.ImprovementFlag;
import io.lanes.opsconfig.service.ImprovementFlagService;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Legal operations' inbox of improvement flags: milestones of one playbook template that keep
 * slipping across matters. Ops dismisses a flag with a reason, or answers it by publishing a new
 * playbook version, which closes it.
 */
@Path("/improvement-flags")
@Tag(name = "Improvement flags", description = "The PM-to-ops feedback loop")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.LEADERSHIP, Roles.ADMIN})
public class ImprovementFlagResource {

    public record Dismissal(@NotBlank @Size(max = 1000) String reason) {}

    private final ImprovementFlagService flags;

    public ImprovementFlagResource(ImprovementFlagService flags) {
        this.flags = flags;
    }

    @GET
    @Operation(summary = "Flags, newest first; filter by status (OPEN, DISMISSED, CLOSED) and matter type")
    public Uni<List<ImprovementFlag>> list(
            @QueryParam("status") ImprovementFlag.Status status, @QueryParam("matterType") String matterType) {
        return flags.list(status, matterType);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One flag")
    @APIResponse(responseCode = "404", description = "No such flag")
    public Uni<ImprovementFlag> get(@PathParam("id") UUID id) {
        return flags.get(id);
    }

    @POST
    @Path("/{id}/dismiss")
    @RolesAllowed(Roles.OPS)
    @Operation(summary = "Dismiss an open flag with the reason no playbook change is needed")
    @APIResponse(responseCode = "409", description = "The flag is not open")
    public Uni<ImprovementFlag> dismiss(
            @PathParam("id") UUID id, @Valid @NotNull Dismissal dismissal, @Context SecurityContext security) {
        return flags.dismiss(id, dismissal.reason().strip(), PlaybookResource.user(security));
    }
}
