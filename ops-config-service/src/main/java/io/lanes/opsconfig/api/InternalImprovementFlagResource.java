package io.lanes.opsconfig.api;

import io.lanes.opsconfig.service.ImprovementFlagService;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Raises an improvement flag by hand. Flags are raised by the slip-pattern detector of a later issue;
 * until then, and for operators, this endpoint (role {@code admin} only) is the way in.
 */
@Path("/internal/improvement-flags")
@Tag(name = "Internal")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class InternalImprovementFlagResource {

    public record RaiseFlag(
            @NotBlank @Size(max = 63) String matterType,
            @NotBlank @Size(max = 64) String templateKey,
            @NotEmpty @Size(max = 1000) List<@NotNull UUID> matters,
            @NotNull LocalDate windowStart,
            @NotNull LocalDate windowEnd) {}

    private final ImprovementFlagService flags;

    public InternalImprovementFlagResource(ImprovementFlagService flags) {
        this.flags = flags;
    }

    @POST
    @Operation(summary = "Raise an improvement flag (operators and tests)")
    public Uni<Response> raise(@Valid @NotNull RaiseFlag flag, @Context SecurityContext security) {
        return flags.raise(
                        flag.matterType(),
                        flag.templateKey(),
                        flag.matters(),
                        flag.windowStart(),
                        flag.windowEnd(),
                        PlaybookResource.user(security))
                .map(raised -> Response.created(URI.create("/improvement-flags/" + raised.id()))
                        .entity(raised)
                        .build());
    }
}
