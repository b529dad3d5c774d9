package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.FirmDefaults;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Playbooks;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.firm.Firm;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * What one computation sees: the periods it measures (one for a scorecard, the buckets of a trend),
 * the filters, the instant numbers are as of, the report deliveries, the playbooks, firm settings, and
 * the read models to aggregate. Every KPI is one SQL aggregate over all the periods at once.
 */
public record KpiContext(
        List<Period> periods,
        Scope scope,
        Instant now,
        List<ReportDelivery> deliveries,
        FirmDefaults defaults,
        Firm firm,
        Playbooks playbooks,
        Pool pool) {

    /**
     * The first statement of every KPI query: table {@code b} of the periods, one row each, with
     * {@code i} (1-based), {@code s}/{@code e} (first and end instant), {@code f}/{@code t} (first and
     * end day) and {@code today} (the first day not yet over at the period's as-of instant). It also
     * types the span of all periods, $9 to $12 (see {@link #instantIn}), so every KPI query takes the
     * same parameters whether it uses them or not.
     */
    public static final String PERIODS = "WITH b AS (SELECT * FROM unnest($1::timestamptz[], $2::timestamptz[], "
            + "$3::date[], $4::date[], $5::date[]) WITH ORDINALITY AS b (s, e, f, t, today, i) "
            + "WHERE $9::timestamptz <= $10::timestamptz AND $11::date <= $12::date) ";

    /**
     * {@code column} (an instant) falls in period {@code b}. The repeated bounds of all periods ($9, $10)
     * are for the planner: it cannot see into {@code b}, but with them it reads only the rows of the
     * computation's span through the column's index, however long the history.
     */
    public static String instantIn(String column) {
        return column + " >= b.s AND " + column + " < b.e AND " + column + " >= $9 AND " + column + " < $10";
    }

    /** {@code column} (a date) falls in period {@code b}; as {@link #instantIn}, with all periods' days $11, $12. */
    public static String dayIn(String column) {
        return column + " >= b.f AND " + column + " < b.t AND " + column + " >= $11 AND " + column + " < $12";
    }

    /**
     * The filters on the matter of alias {@code m} (or a row carrying its profile, playbook version included);
     * a matter of unknown profile only passes unfiltered.
     */
    public static String scope(String m) {
        return profileScope(m) + " AND ($13::int IS NULL OR " + m + ".playbook_version = $13)";
    }

    /**
     * The filters on an intake of alias {@code x}: an intake is not attributed to a playbook version (only
     * the matter accepted from it is), so none passes a version's filter.
     */
    public static String intakeScope(String x) {
        return profileScope(x) + " AND $13::int IS NULL";
    }

    private static String profileScope(String m) {
        return "($6::text IS NULL OR " + m + ".practice_area = $6) AND ($7::text IS NULL OR " + m
                + ".matter_type = $7) AND ($8::text IS NULL OR " + m + ".team = $8)";
    }

    /** Runs a query that starts with {@link #PERIODS}; {@code more} are its parameters from $14. */
    public Uni<RowSet<Row>> query(String sql, Object... more) {
        int n = periods.size();
        OffsetDateTime[] starts = new OffsetDateTime[n];
        OffsetDateTime[] ends = new OffsetDateTime[n];
        LocalDate[] froms = new LocalDate[n];
        LocalDate[] tos = new LocalDate[n];
        LocalDate[] todays = new LocalDate[n];
        for (int i = 0; i < n; i++) {
            Period p = periods.get(i);
            starts[i] = OffsetDateTime.ofInstant(p.start(firm.zone()), ZoneOffset.UTC);
            ends[i] = OffsetDateTime.ofInstant(p.end(firm.zone()), ZoneOffset.UTC);
            froms[i] = p.from();
            tos[i] = p.to();
            todays[i] = asOfDate(p);
        }
        Tuple tuple = Tuple.of(starts, ends, froms, tos, todays)
                .addValue(scope.practiceArea())
                .addValue(scope.matterType())
                .addValue(scope.team())
                .addValue(Arrays.stream(starts).min(Comparator.naturalOrder()).orElseThrow())
                .addValue(Arrays.stream(ends).max(Comparator.naturalOrder()).orElseThrow())
                .addValue(Arrays.stream(froms).min(Comparator.naturalOrder()).orElseThrow())
                .addValue(Arrays.stream(tos).max(Comparator.naturalOrder()).orElseThrow())
                .addValue(scope.playbookVersion());
        for (Object value : more) {
            tuple.addValue(value);
        }
        return pool.preparedQuery(sql).execute(tuple);
    }

    /** The moment a period's outcomes are judged at: its end, or now if it has not ended. */
    public Instant asOf(Period period) {
        Instant end = period.end(firm.zone());
        return now.isBefore(end) ? now : end;
    }

    /** The first day not yet over at {@link #asOf}: a due date before it has passed. */
    public LocalDate asOfDate(Period period) {
        return LocalDate.ofInstant(asOf(period), firm.zone());
    }

    /** The same computation over other periods. */
    public KpiContext withPeriods(List<Period> others) {
        return new KpiContext(others, scope, now, deliveries, defaults, firm, playbooks, pool);
    }
}
