package io.lanes.platform.sample;

import io.lanes.platform.idempotency.IdempotencyKeys;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URI;
import java.time.LocalDate;
import java.util.UUID;

/** A resource that exists only in the platform's tests, to exercise the shared conventions. */
@Path("/samples")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SampleResource {

    public record SampleRequest(
            @NotBlank @Size(max = 80) String name,
            @Email String email,
            @NotNull @Min(1) @Max(10) Integer count,
            LocalDate due) {}

    public record SampleCreated(UUID id, String name) {}

    private final IdempotencyKeys idempotency;

    public SampleResource(IdempotencyKeys idempotency) {
        this.idempotency = idempotency;
    }

    @GET
    @Path("/secured")
    @RolesAllowed(Roles.PM)
    public String secured(@Context SecurityContext security) {
        return "{\"user\":\"" + security.getUserPrincipal().getName() + "\"}";
    }

    @POST
    @RolesAllowed(Roles.INTAKE)
    public Uni<Response> create(
            @Valid @NotNull SampleRequest request,
            @HeaderParam(IdempotencyKeys.HEADER) String key,
            @Context SecurityContext security) {
        return idempotency.once(
                key, "POST /samples", security.getUserPrincipal().getName(), request, () -> {
                    SampleRecord record = new SampleRecord();
                    record.id = UUID.randomUUID();
                    record.name = request.name();
                    return record.persist()
                            .map(saved -> Response.created(URI.create("/samples/" + record.id))
                                    .entity(new SampleCreated(record.id, record.name))
                                    .build());
                });
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.INTAKE)
    public Uni<SampleCreated> get(@PathParam("id") UUID id) {
        return SampleRecord.<SampleRecord>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("sample", id))
                .map(r -> new SampleCreated(r.id, r.name));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.INTAKE)
    public Response close(@PathParam("id") UUID id) {
        throw ProblemException.conflict("ALREADY_CLOSED", "Sample " + id + " is already closed");
    }

    @GET
    @Path("/boom")
    @RolesAllowed(Roles.INTAKE)
    public String boom() {
        throw new IllegalStateException("secret internal detail");
    }
}
