package io.lanes.kpi.api;

import io.lanes.kpi.persistence.FactReader;
import io.lanes.kpi.scorecard.MatterScorecard;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** One matter's PM view, for leadership and the PMs who run matters. */
@Path("/matters/{matterId}/scorecard")
@Tag(name = "Scorecards")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.LEADERSHIP, Roles.PM})
public class MatterScorecardResource {

    private final FactReader facts;
    private final Clock clock;

    public MatterScorecardResource(FactReader facts, Clock clock) {
        this.facts = facts;
        this.clock = clock;
    }

    @GET
    @Operation(
            summary = "Milestones on time, overdue tasks, budget variance by phase and open escalations of one matter")
    public Uni<MatterScorecard> scorecard(@PathParam("matterId") String matterId) {
        UUID id = parse(matterId);
        return facts.ofMatter(id)
                .map(f -> MatterScorecard.of(f, id, LocalDate.now(clock))
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
