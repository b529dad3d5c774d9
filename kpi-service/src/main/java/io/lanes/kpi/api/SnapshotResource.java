package io.lanes.kpi.api;

import io.lanes.kpi.persistence.SnapshotStore;
import io.lanes.kpi.service.ScorecardQuery;
import io.lanes.platform.firm.Firm;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The weekly scorecard snapshots (Monday 06:00 UTC), the record behind reportDeliveryRate. */
@Path("/snapshots")
@Tag(name = "Snapshots")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADERSHIP, Roles.OPS})
public class SnapshotResource {

    private final SnapshotStore store;
    private final Clock clock;
    private final Firm firm;

    public SnapshotResource(SnapshotStore store, Clock clock, Firm firm) {
        this.store = store;
        this.clock = clock;
        this.firm = firm;
    }

    @GET
    @Operation(
            summary = "Snapshots scheduled in [from, to), newest first: slot, when produced, on time, the week covered")
    public Uni<List<SnapshotStore.Snapshot>> list(
            @Parameter(description = "First day (YYYY-MM-DD, inclusive); default 30 days before to") @QueryParam("from")
                    String from,
            @Parameter(description = "Day after the last (YYYY-MM-DD, exclusive); default tomorrow") @QueryParam("to")
                    String to) {
        var period = new ScorecardQuery(from, to, null, null, null).period(clock.withZone(firm.zone()));
        return store.list(period.start(firm.zone()), period.end(firm.zone()), false);
    }

    @GET
    @Path("/{scheduledFor}")
    @Operation(summary = "One snapshot with its three scorecards; scheduledFor is the slot, e.g. 2026-03-02T06:00:00Z")
    public Uni<SnapshotStore.Snapshot> get(@PathParam("scheduledFor") String scheduledFor) {
        Instant slot;
        try {
            slot = Instant.parse(scheduledFor);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(
                    List.of(new FieldError("scheduledFor", "must be an RFC 3339 instant", "instant")));
        }
        return store.get(slot).map(s -> s.orElseThrow(() -> ProblemException.notFound("snapshot scheduled for", slot)));
    }
}
