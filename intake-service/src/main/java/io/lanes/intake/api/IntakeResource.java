package io.lanes.intake.api;

import io.lanes.eventstore.aggregate.Versioned;
import io.lanes.intake.domain.Intake;
import io.lanes.intake.domain.IntakeData;
import io.lanes.intake.domain.IntakeStatus;
import io.lanes.intake.domain.MissingItem;
import io.lanes.intake.service.IntakeService;
import io.lanes.intake.service.IntakeService.IntakePage;
import io.lanes.platform.http.ETags;
import io.lanes.platform.http.JsonMergePatch;
import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.Problem;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Intake staff capture new matters and submit them as handoff packets. A submission is checked
 * against legal operations' latest playbook for the matter type: incomplete is a 422 naming every
 * missing field and checklist item (and is recorded as an attempt); complete goes to legal project
 * management as {@code intake-complete}.
 */
@Path("/intakes")
@Tag(name = "Intakes", description = "New matters, from capture to a complete handoff packet")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.INTAKE)
@APIResponse(
        responseCode = "401",
        description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only intake staff")
public class IntakeResource {

    private final IntakeService intakes;
    private final IdempotencyKeys idempotency;

    public IntakeResource(IntakeService intakes, IdempotencyKeys idempotency) {
        this.intakes = intakes;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Capture a new matter (Idempotency-Key honoured)")
    @APIResponse(responseCode = "201", description = "Created; Location and ETag set")
    @APIResponse(responseCode = "400", description = "Invalid fields; errors[] names each")
    @APIResponse(
            responseCode = "422",
            description = "No playbook for the matter type; knownMatterTypes lists those that have one")
    public Uni<Response> create(
            IntakeData data, @HeaderParam(IdempotencyKeys.HEADER) String key, @Context SecurityContext security) {
        String user = user(security);
        return idempotency.once(
                key,
                "POST /intakes",
                user,
                requireBody(data),
                () -> intakes.create(data, user)
                        .map(intake -> Response.created(
                                        URI.create("/intakes/" + intake.state().id()))
                                .tag(ETags.of(intake.version()))
                                .entity(IntakeView.of(intake))
                                .build()));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An intake, with the PM's reasons if it was returned; ETag is its version")
    @APIResponse(responseCode = "404", description = "No such intake")
    public Uni<Response> get(@PathParam("id") UUID id) {
        return intakes.get(id).map(IntakeResource::ok);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({JsonMergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(summary = "Change what was captured (JSON merge patch); If-Match optional, 412 when stale")
    @APIResponse(responseCode = "409", description = "Submitted intakes change only when the PM returns them")
    @APIResponse(responseCode = "412", description = "The intake changed since you read it")
    public Uni<Response> patch(
            @PathParam("id") UUID id,
            String patch,
            @HeaderParam("If-Match") String ifMatch,
            @Context SecurityContext security) {
        return intakes.edit(id, JsonMergePatch.parse(patch), user(security), ETags.expectedVersion(ifMatch))
                .map(IntakeResource::ok);
    }

    @POST
    @Path("/{id}/submit")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Submit as a handoff packet, validated against the latest playbook")
    @APIResponse(responseCode = "200", description = "Complete: status SUBMITTED, intake-complete emitted")
    @APIResponse(
            responseCode = "422",
            description = "Incomplete: errors[] lists each missing field and checklist "
                    + "item with its label; intake-incomplete emitted",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> submit(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Context SecurityContext security) {
        return intakes.submit(id, user(security), ETags.expectedVersion(ifMatch))
                .map(submission -> {
                    if (submission.complete()) {
                        return ok(submission.intake());
                    }
                    List<MissingItem> missing = submission.missing();
                    throw new ProblemException(
                            ProblemType.UNPROCESSABLE,
                            "The intake is not a complete handoff packet: " + missing.size() + " item(s) missing",
                            missing.stream()
                                    .map(m -> new FieldError(
                                            m.path(), m.message(), m.checklist() ? "checklist" : "required"))
                                    .collect(Collectors.toList()),
                            Map.of("attempt", submission.intake().state().attempts()));
                });
    }

    @GET
    @Operation(summary = "Intakes, most recently changed first, by status and matter type, a page at a time")
    public Uni<IntakePage> list(
            @QueryParam("status") IntakeStatus status,
            @QueryParam("matterType") String matterType,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return intakes.list(status == null ? null : status.name(), matterType, page, size);
    }

    private static Response ok(Versioned<Intake> intake) {
        return Response.ok(IntakeView.of(intake))
                .tag(ETags.of(intake.version()))
                .build();
    }

    private static IntakeData requireBody(IntakeData data) {
        if (data == null) {
            throw ProblemException.invalid(List.of(new FieldError("body", "the intake is required", "required")));
        }
        return data;
    }

    private static String user(SecurityContext security) {
        return security.getUserPrincipal().getName();
    }
}
