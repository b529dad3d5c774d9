package io.lanes.kpi.api;

import io.lanes.kpi.impact.PlaybookImpact;
import io.lanes.kpi.impact.PlaybookVersion;
import io.lanes.kpi.service.ComputationLimit;
import io.lanes.kpi.service.PlaybookImpacts;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** What each published playbook version did, for legal ops who published it and leadership. */
@Path("/playbooks/{matterType}/versions")
@Tag(name = "Playbook impact")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPS, Roles.LEADERSHIP})
public class PlaybookImpactResource {

    private static final String LATEST = "latest";

    private final PlaybookImpacts impacts;
    private final ComputationLimit limit;

    public PlaybookImpactResource(PlaybookImpacts impacts, ComputationLimit limit) {
        this.impacts = impacts;
        this.limit = limit;
    }

    @GET
    @Operation(
            summary = "The versions of the matter type's playbook, oldest first: what an impact can compare "
                    + "(none for a type without a playbook)")
    public Uni<List<PlaybookVersion>> versions(@PathParam("matterType") String matterType) {
        return impacts.versions(matterType);
    }

    @GET
    @Path("/{version}/impact")
    @Operation(
            summary = "The KPIs of the matters accepted on this version against those accepted on the version "
                    + "before: each with value, sample size, the difference, and whether it is beyond chance "
                    + "(two-proportion z-test for rates, Mann-Whitney U for medians; NOT_ENOUGH_DATA below the "
                    + "minimum sample)")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "400", description = "The version is not a positive whole number")
    @APIResponse(
            responseCode = "404",
            description = "No such version of this matter type's playbook was published (latest: no playbook at all)")
    @APIResponse(responseCode = "422", description = "Version 1: no version before it to compare with")
    @APIResponse(responseCode = "429", description = "Too many computations at once; retry after Retry-After")
    public Uni<PlaybookImpact> impact(
            @PathParam("matterType") String matterType,
            @Parameter(description = "A version number, or latest: the matter type's newest version")
                    @PathParam("version")
                    String version) {
        if (LATEST.equals(version)) {
            return limit.run(() -> impacts.ofLatest(matterType));
        }
        int v = parse(version);
        return limit.run(() -> impacts.of(matterType, v));
    }

    private static int parse(String version) {
        try {
            int v = Integer.parseInt(version);
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // answered below, like a version below 1
        }
        throw ProblemException.invalid(
                List.of(new FieldError("version", "must be a whole number from 1, or latest", "positive-integer")));
    }
}
