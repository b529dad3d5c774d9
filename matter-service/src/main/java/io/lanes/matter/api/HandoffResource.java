package io.lanes.matter.api;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.matter.RejectionCode;
import io.lanes.contracts.matter.RejectionReason;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import io.lanes.matter.domain.MatterCommand.RejectHandoff;
import io.lanes.matter.domain.MatterStatus;
import io.lanes.matter.persistence.MatterSummary;
import io.lanes.matter.service.MatterService;
import io.lanes.platform.http.ETags;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The handoff queue of legal project management: complete packets from intake wait here until a PM
 * accepts one (the plan is instantiated from the packet's playbook version) or sends it back with
 * reasons.
 */
@Path("/handoffs")
@Tag(name = "Handoffs", description = "Accept or reject complete handoff packets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.PM)
public class HandoffResource {

    public record HandoffView(
            UUID matterId,
            MatterStatus status,
            IntakeComplete packet,
            List<RejectionReason> rejection,
            long revision) {}

    /** Optional changes to the plan the playbook proposes. */
    public record Acceptance(
            @Schema(description = "Due dates by milestone template key")
            Map<String, LocalDate> milestoneDueDates,

            @Schema(description = "Owners by milestone template key")
            Map<String, @Size(max = 100) String> milestoneOwners,

            @DecimalMin("0.00") @Digits(integer = 12, fraction = 2)
            BigDecimal budgetTotal,

            @Schema(description = "Due dates by task template key")
            Map<String, LocalDate> taskDueDates,

            @Schema(description = "Assignees by task template key")
            Map<String, @Size(max = 100) String> taskAssignees) {}

    public record Reason(
            @NotNull RejectionCode code,
            @NotBlank @Size(max = 1000) String detail) {}

    public record Rejection(@NotEmpty @Size(max = 20) List<@Valid @NotNull Reason> reasons) {}

    private final MatterService matters;
    private final Callers callers;

    public HandoffResource(MatterService matters, Callers callers) {
        this.matters = matters;
        this.callers = callers;
    }

    @GET
    @Operation(
            summary = "Handoffs by status (PENDING by default) of the caller's teams, newest first, a page at a time",
            description = "page (from 0), size (1-100, default 50), team; the total is in X-Total-Count and the next "
                    + "page in a Link header")
    @APIResponse(
            responseCode = "200",
            description = "The page",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = MatterSummary.class)))
    public Uni<Response> list(
            @QueryParam("status") @DefaultValue("PENDING") MatterStatus status,
            @QueryParam("team") String team,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size,
            @Context UriInfo uri) {
        Paging paging = Paging.of(page, size);
        return matters.page(Set.of(status), team, null, callers.current(), paging.page(), paging.size())
                .map(found -> paging.response(found, uri));
    }

    @GET
    @Path("/{matterId}")
    @Operation(summary = "The handoff packet and where it stands")
    @APIResponse(responseCode = "404", description = "No such handoff")
    public Uni<Response> get(@PathParam("matterId") UUID matterId) {
        return matters.get(matterId, null, callers.current())
                .map(found -> Response.ok(new HandoffView(
                                matterId,
                                found.state().status(),
                                found.state().packet(),
                                found.state().rejection(),
                                found.version()))
                        .tag(ETags.of(found.version()))
                        .build());
    }

    @POST
    @Path("/{matterId}/accept")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
    @Operation(
            summary =
                    "Accept: open the matter with the plan of the packet's playbook and give it its matter number (handoff-accepted)")
    @APIResponse(responseCode = "409", description = "The handoff is not pending")
    public Uni<Response> accept(
            @PathParam("matterId") UUID matterId,
            @Valid Acceptance acceptance,
            @HeaderParam("If-Match") String ifMatch) {
        Acceptance changes = acceptance != null ? acceptance : new Acceptance(null, null, null, null, null);
        Caller pm = callers.current();
        return matters.accept(
                        matterId,
                        ETags.expectedVersion(ifMatch),
                        pm,
                        (context, number) -> new AcceptHandoff(
                                number,
                                pm.name(),
                                matters.today(),
                                context.playbook(),
                                matters.calendar(),
                                orEmpty(changes.milestoneDueDates()),
                                orEmpty(changes.milestoneOwners()),
                                changes.budgetTotal(),
                                orEmpty(changes.taskDueDates()),
                                orEmpty(changes.taskAssignees()),
                                matters.now()))
                .chain(accepted -> matters.getWithPlaybook(matterId, null, pm)
                        .map(context -> Response.ok(MatterView.of(context, accepted.version()))
                                .tag(ETags.of(accepted.version()))
                                .build()));
    }

    @POST
    @Path("/{matterId}/reject")
    @Operation(summary = "Send the packet back to intake with reasons (handoff-rejected)")
    @APIResponse(responseCode = "409", description = "The handoff is not pending")
    public Uni<Response> reject(
            @PathParam("matterId") UUID matterId,
            @Valid @NotNull Rejection rejection,
            @HeaderParam("If-Match") String ifMatch) {
        Caller pm = callers.current();
        List<RejectionReason> reasons = rejection.reasons().stream()
                .map(r -> new RejectionReason(r.code(), r.detail().strip()))
                .collect(Collectors.toList());
        return matters.handle(
                        matterId,
                        ETags.expectedVersion(ifMatch),
                        pm,
                        context -> new RejectHandoff(pm.name(), reasons, matters.now()))
                .map(rejected -> Response.ok(new HandoffView(
                                matterId,
                                rejected.state().status(),
                                rejected.state().packet(),
                                rejected.state().rejection(),
                                rejected.version()))
                        .tag(ETags.of(rejected.version()))
                        .build());
    }

    private static <V> Map<String, V> orEmpty(Map<String, V> overrides) {
        return overrides == null ? Map.of() : overrides;
    }
}
