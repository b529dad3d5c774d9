package io.lanes.kpi.api;

import io.lanes.kpi.service.ScorecardQuery;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The period and filter parameters every KPI endpoint takes. */
public class KpiQueryParams {

    @QueryParam("from")
    @Parameter(
            description =
                    "First day of the period (YYYY-MM-DD, the firm's calendar day, inclusive); default: 30 days before to")
    String from;

    @QueryParam("to")
    @Parameter(description = "Day after the period (YYYY-MM-DD, the firm's calendar day, exclusive); default: tomorrow")
    String to;

    @QueryParam("practiceArea")
    @Parameter(description = "Only matters of this practice area")
    String practiceArea;

    @QueryParam("matterType")
    @Parameter(description = "Only matters of this type; targets then come from its latest playbook")
    String matterType;

    @QueryParam("team")
    @Parameter(description = "Only matters routed to this team")
    String team;

    public ScorecardQuery query() {
        return new ScorecardQuery(from, to, practiceArea, matterType, team);
    }
}
