package io.lanes.kpi.api;

import io.lanes.kpi.diagnosis.DecisionTest;
import io.lanes.kpi.diagnosis.Diagnosis;
import io.lanes.kpi.service.Scorecards;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The decision test of docs/kpis.md: does the firm need legal operations or project management first? */
@Path("/diagnosis")
@Tag(name = "Diagnosis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEADERSHIP)
public class DiagnosisResource {

    private final Scorecards scorecards;

    public DiagnosisResource(Scorecards scorecards) {
        this.scorecards = scorecards;
    }

    @GET
    @Operation(
            summary = "Verdict (FIRM_WIDE, MATTER_SPECIFIC, BOTH, HEALTHY), recommendation and evidence: off KPIs "
                    + "with value and target, how concentrated PM failures are, and the matters that hold them")
    public Uni<Diagnosis> diagnosis(@BeanParam KpiQueryParams params) {
        return scorecards.context(params.query(), DecisionTest.FACTS).map(DecisionTest::diagnose);
    }
}
