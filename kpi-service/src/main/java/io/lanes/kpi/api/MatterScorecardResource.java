package io.lanes.kpi.api;

import io.lanes.kpi.persistence.MatterScorecards;
import io.lanes.kpi.scorecard.MatterScorecard;
import io.lanes.platform.firm.Firm;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Caller;
import io.lanes.platform.security.Callers;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One matter's PM view, for leadership and the PMs who run matters. */
@Path("/matters/{matterId}/scorecard")
@Tag(name = "Scorecards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADERSHIP, Roles.PM})
public class MatterScorecardResource {

    private final MatterScorecards matters;
    private final Firm firm;
    private final Clock clock;
    private final Callers callers;

    public MatterScorecardResource(MatterScorecards matters, Firm firm, Clock clock, Callers callers) {
        this.matters = matters;
        this.firm = firm;
        this.clock = clock;
        this.callers = callers;
    }

    @GET
    @Operation(
            summary = "Milestones on time, overdue tasks, budget variance by phase and open escalations of one matter")
    @APIResponse(
            responseCode = "404",
            description =
                    "No opened matter with this id that the caller may see (another team's, or screened from them)")
    public Uni<MatterScorecard> scorecard(@PathParam("matterId") String matterId) {
        UUID id = parse(matterId);
        Caller caller = callers.current();
        return matters.of(id, LocalDate.now(clock.withZone(firm.zone())))
                .map(found -> found.filter(f -> caller.worksFor(f.scorecard().team())
                                && !f.screened().contains(caller.name()))
                        .map(MatterScorecards.Found::scorecard)
                        .orElseThrow(() -> ProblemException.notFound("opened matter", id)));
    }

    private static UUID parse(String matterId) {
        try {
            return UUID.fromString(matterId);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(List.of(new FieldError("matterId", "must be a UUID", "uuid")));
        }
    }
}
