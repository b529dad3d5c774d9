package io.lanes.kpi.api;

import io.lanes.kpi.diagnosis.DecisionTest;
import io.lanes.kpi.diagnosis.Diagnosis;
import io.lanes.kpi.persistence.measure.PmFailures;
import io.lanes.kpi.persistence.measure.ScorecardCalculator;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.ScorecardKind;
import io.lanes.kpi.service.ComputationLimit;
import io.lanes.kpi.service.ScorecardQuery;
import io.lanes.kpi.service.Scorecards;
import io.lanes.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The decision test of docs/kpis.md: does the firm need legal operations or project management first? */
@Path("/diagnosis")
@Tag(name = "Diagnosis")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.LEADERSHIP)
public class DiagnosisResource {

    private final Scorecards scorecards;
    private final ComputationLimit limit;

    public DiagnosisResource(Scorecards scorecards, ComputationLimit limit) {
        this.scorecards = scorecards;
        this.limit = limit;
    }

    @GET
    @Operation(
            summary = "Verdict (FIRM_WIDE, MATTER_SPECIFIC, BOTH, HEALTHY), recommendation and evidence: off KPIs "
                    + "with value and target, how concentrated PM failures are, and the matters that hold them")
    public Uni<Diagnosis> diagnosis(@BeanParam KpiQueryParams params) {
        ScorecardQuery query = params.query();
        Period period = scorecards.period(query);
        return limit.run(() -> scorecards
                .context(List.of(period), query)
                .chain(context -> Uni.combine()
                        .all()
                        .unis(
                                ScorecardCalculator.scorecard(ScorecardKind.OPS, context),
                                ScorecardCalculator.scorecard(ScorecardKind.PM, context),
                                PmFailures.byMatter(context))
                        .asTuple()
                        .map(all -> DecisionTest.diagnose(
                                period, context.scope(), all.getItem1(), all.getItem2(), all.getItem3()))));
    }
}
