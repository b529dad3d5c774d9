package io.lanes.kpi.api;

import io.lanes.kpi.persistence.measure.ScorecardCalculator;
import io.lanes.kpi.persistence.measure.Trends;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scorecard;
import io.lanes.kpi.scorecard.ScorecardKind;
import io.lanes.kpi.scorecard.Trend;
import io.lanes.kpi.scorecard.TrendInterval;
import io.lanes.kpi.service.ComputationLimit;
import io.lanes.kpi.service.ScorecardQuery;
import io.lanes.kpi.service.Scorecards;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.security.Roles;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The ops, PM and shared scorecards. Leadership reads all three; ops may read the ops scorecard and
 * pm the PM scorecard (legal operations and project management are judged on different KPIs).
 */
@Path("/scorecards/{kind}")
@Tag(name = "Scorecards")
@RolesAllowed({Roles.LEADERSHIP, Roles.OPS, Roles.PM})
public class ScorecardResource {

    public static final String TEXT_CSV = "text/csv";
    private static final Map<ScorecardKind, String> READER_ROLE =
            Map.of(ScorecardKind.OPS, Roles.OPS, ScorecardKind.PM, Roles.PM);

    /** A trend has at most this many buckets (two years of weeks; more than eight years of months). */
    public static final int MAX_BUCKETS = 104;

    private final Scorecards scorecards;
    private final ComputationLimit limit;
    private final SecurityIdentity identity;

    public ScorecardResource(Scorecards scorecards, ComputationLimit limit, SecurityIdentity identity) {
        this.scorecards = scorecards;
        this.limit = limit;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(
            summary = "A scorecard (ops, pm or shared) for [from, to) and filters; every KPI with value, unit, "
                    + "numerator/denominator, sample size, target and status. Accept: text/csv gives the same as CSV")
    @APIResponse(
            responseCode = "200",
            description = "The scorecard",
            content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Scorecard.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    public Uni<Response> scorecard(
            @Parameter(description = "ops, pm or shared") @PathParam("kind") String kind,
            @BeanParam KpiQueryParams params,
            @Context HttpHeaders headers) {
        ScorecardKind scorecard = readable(kind);
        boolean csv = wantsCsv(headers);
        ScorecardQuery query = params.query();
        Period period = scorecards.period(query);
        return limit.run(() -> scorecards
                        .context(List.of(period), query)
                        .chain(context -> ScorecardCalculator.scorecard(scorecard, context)))
                .map(card -> csv
                        ? Response.ok(toCsv(card), TEXT_CSV).build()
                        : Response.ok(card, MediaType.APPLICATION_JSON).build());
    }

    /** CSV only when the client prefers it; a client that accepts anything gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .filter(t -> !t.isWildcardType())
                .findFirst()
                .map(t -> t.isCompatible(MediaType.valueOf(TEXT_CSV)))
                .orElse(false);
    }

    @GET
    @Path("/trend")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "The scorecard's KPIs as series over weeks (Monday-based) or calendar months of [from, to), "
                    + "at most " + MAX_BUCKETS + " buckets")
    public Uni<Trend> trend(
            @PathParam("kind") String kind,
            @Parameter(description = "week or month") @QueryParam("interval") @DefaultValue("week") String interval,
            @BeanParam KpiQueryParams params) {
        ScorecardKind scorecard = readable(kind);
        TrendInterval buckets = TrendInterval.fromPath(interval)
                .orElseThrow(() -> ProblemException.invalid(
                        List.of(new FieldError("interval", "must be week or month, got '" + interval + "'", "enum"))));
        ScorecardQuery query = params.query();
        Period period = scorecards.period(query);
        List<Period> periods = buckets.buckets(period);
        if (periods.size() > MAX_BUCKETS) {
            throw ProblemException.invalid(List.of(new FieldError(
                    "interval",
                    "[" + period.from() + ", " + period.to() + ") has " + periods.size() + " " + interval
                            + "s; a trend has at most " + MAX_BUCKETS + " buckets: choose month or a shorter period",
                    "max-buckets")));
        }
        return limit.run(() ->
                scorecards.context(periods, query).chain(context -> Trends.trend(scorecard, buckets, period, context)));
    }

    private ScorecardKind readable(String kind) {
        ScorecardKind scorecard = ScorecardKind.fromPath(kind)
                .orElseThrow(() -> ProblemException.invalid(List.of(
                        new FieldError("kind", "unknown scorecard '" + kind + "'; one of ops, pm, shared", "enum"))));
        if (!identity.hasRole(Roles.LEADERSHIP)
                && !identity.hasRole(READER_ROLE.getOrDefault(scorecard, Roles.LEADERSHIP))) {
            throw new ForbiddenException("the " + kind + " scorecard is for leadership"
                    + (READER_ROLE.containsKey(scorecard) ? " and " + READER_ROLE.get(scorecard) : ""));
        }
        return scorecard;
    }

    static String toCsv(Scorecard scorecard) {
        String header = "scorecard,from,to,key,value,unit,numerator,denominator,sampleSize,target,status\n";
        return header
                + scorecard.kpis().stream()
                        .map(k -> String.join(
                                ",",
                                scorecard.scorecard(),
                                scorecard.from().toString(),
                                scorecard.to().toString(),
                                k.key(),
                                text(k.value()),
                                k.unit(),
                                text(k.numerator()),
                                text(k.denominator()),
                                Long.toString(k.sampleSize()),
                                text(k.target()),
                                k.status().name()))
                        .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal) {
            return ((BigDecimal) value).toPlainString();
        }
        return value == null ? "" : value.toString();
    }
}
