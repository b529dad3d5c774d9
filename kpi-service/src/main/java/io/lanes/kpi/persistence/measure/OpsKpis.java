package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.ReportDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The legal operations scorecard: how the firm runs (docs/kpis.md, `ops`). One query per KPI, all periods. */
final class OpsKpis {

    private static final String ACCEPTED_IN_PERIOD =
            " FROM b JOIN kpi_matter m ON " + KpiContext.instantIn("m.accepted_at") + " WHERE ";

    private static final String WAITED = Stats.hours("m.intake_received_at", "m.accepted_at");

    private static final String INTAKE_TO_OPEN = KpiContext.PERIODS + "SELECT b.i, count(*), " + Stats.median(WAITED)
            + ", " + Stats.p90(WAITED) + ACCEPTED_IN_PERIOD + KpiContext.scope("m") + " GROUP BY b.i";

    /** Each acceptance's hours, the values {@link #intakeToOpenHours} takes the median of. */
    static final String INTAKE_TO_OPEN_SAMPLE =
            KpiContext.PERIODS + "SELECT b.i, " + WAITED + ACCEPTED_IN_PERIOD + KpiContext.scope("m");

    private static final String DATA_COMPLETENESS = KpiContext.PERIODS
            + "SELECT b.i, count(*), count(*) FILTER (WHERE x.first_complete), "
            + "count(*) FILTER (WHERE x.completed_at IS NULL OR x.completed_at >= b.e) "
            + "FROM b JOIN kpi_intake x ON " + KpiContext.instantIn("x.first_submitted_at") + " WHERE "
            + KpiContext.intakeScope("x") + " GROUP BY b.i";

    /** The newest version of the matter's type at its acceptance, looked up once per matter. */
    private static final String NEWEST_VERSION =
            " CROSS JOIN LATERAL (SELECT max(p.version) AS version FROM kpi_playbook p "
                    + "WHERE p.matter_type = m.matter_type AND p.published_at <= m.accepted_at) newest ";

    private static final String SOP_ADOPTION = KpiContext.PERIODS + "SELECT b.i, count(*), "
            + "count(*) FILTER (WHERE COALESCE(m.plan_overrides, '') = '' AND m.playbook_version = newest.version), "
            + "count(*) FILTER (WHERE m.playbook_version IS DISTINCT FROM newest.version) FROM b JOIN kpi_matter m ON "
            + KpiContext.instantIn("m.accepted_at") + NEWEST_VERSION + "WHERE " + KpiContext.scope("m")
            + " GROUP BY b.i";

    private static final String OVERRIDES = KpiContext.PERIODS + "SELECT b.i, o.key, count(*) FROM b JOIN kpi_matter m"
            + " ON " + KpiContext.instantIn("m.accepted_at") + " CROSS JOIN LATERAL unnest(string_to_array("
            + "m.plan_overrides, ',')) AS o (key) WHERE " + KpiContext.scope("m") + " GROUP BY b.i, o.key";

    private static final String REJECTIONS = KpiContext.PERIODS + "SELECT b.i, r.code, count(*) FROM b "
            + "JOIN kpi_rejection x ON " + KpiContext.instantIn("x.occurred_at") + " "
            + "LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id "
            + "CROSS JOIN LATERAL unnest(string_to_array(x.reasons, ',')) AS r (code) WHERE " + KpiContext.scope("m")
            + " GROUP BY b.i, r.code";

    private static final String DECISIONS = KpiContext.PERIODS + "SELECT b.i, "
            + "(SELECT count(*) FROM kpi_rejection x LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id "
            + "WHERE " + KpiContext.instantIn("x.occurred_at") + " AND " + KpiContext.scope("m") + "), "
            + "(SELECT count(*) FROM kpi_matter m WHERE " + KpiContext.instantIn("m.accepted_at") + " AND "
            + KpiContext.scope("m") + ") FROM b";

    /** A time entry carries its matter's profile (the scope's columns and playbook version): no join per entry. */
    private static final String TIME_IN_PERIOD =
            " FROM b JOIN kpi_time x ON " + KpiContext.instantIn("x.occurred_at") + " ";

    /** The matter's playbook version's window, else its type's latest (the version may be unknown), else $15. */
    private static final String BILLING_TIMELINESS = KpiContext.PERIODS + ", latest AS (SELECT DISTINCT ON "
            + "(matter_type) matter_type, billing_timeliness_hours FROM kpi_playbook ORDER BY matter_type, version DESC)"
            + " SELECT b.i, count(*), count(*) FILTER (WHERE x.occurred_at - (x.work_date::timestamp AT TIME ZONE $14)"
            + " <= make_interval(hours => COALESCE(p.billing_timeliness_hours, l.billing_timeliness_hours, $15)))"
            + TIME_IN_PERIOD + "LEFT JOIN kpi_playbook p ON p.matter_type = x.matter_type AND p.version = "
            + "x.playbook_version LEFT JOIN latest l ON l.matter_type = x.matter_type WHERE " + KpiContext.scope("x")
            + " GROUP BY b.i";

    /** Per timekeeper first (a hash aggregate), then per period: a distinct count over a year's entries sorted them all. */
    private static final String ADMIN_HOURS = KpiContext.PERIODS + "SELECT i, sum(entries)::bigint, sum(admin_hours), "
            + "count(*) FILTER (WHERE attorney) FROM (SELECT b.i, x.timekeeper, count(*) AS entries, "
            + "COALESCE(sum(x.hours) FILTER (WHERE x.admin AND x.role = 'ATTORNEY'), 0) AS admin_hours, "
            + "bool_or(x.role = 'ATTORNEY') AS attorney" + TIME_IN_PERIOD + "WHERE " + KpiContext.scope("x")
            + " GROUP BY b.i, x.timekeeper) per_timekeeper GROUP BY i";

    private OpsKpis() {}

    /** Median (and p90) hours from intake received to handoff accepted, over acceptances in the period. */
    static Uni<List<Kpi.Measurement>> intakeToOpenHours(KpiContext c) {
        return c.query(INTAKE_TO_OPEN).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("p90", Stats.round(Stats.decimal(row, 3), 2));
                measured.add(new Kpi.Measurement(
                        Stats.round(Stats.decimal(row, 2), 2), "hours", null, null, Stats.count(row, 1), details));
            }
            return measured;
        });
    }

    /**
     * Over intakes first submitted in the period: the share complete on that first submission. An
     * intake never completed counts as incomplete; how many were abandoned (not completed as of the
     * period's end) is a detail.
     */
    static Uni<List<Kpi.Measurement>> dataCompletenessRate(KpiContext c) {
        return c.query(DATA_COMPLETENESS).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("abandoned", Stats.count(row, 3));
                measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), details));
            }
            return measured;
        });
    }

    /**
     * Share of acceptances that run the standard playbook: the newest version of the type at acceptance
     * and no plan overrides; the overrides counted by key, and acceptances on an older version.
     */
    static Uni<List<Kpi.Measurement>> sopAdoptionRate(KpiContext c) {
        return Uni.combine()
                .all()
                .unis(c.query(SOP_ADOPTION), c.query(OVERRIDES))
                .asTuple()
                .map(both -> {
                    List<Row> adoption =
                            Stats.byPeriod(both.getItem1(), c.periods().size());
                    List<List<Row>> keys =
                            Stats.allByPeriod(both.getItem2(), c.periods().size());
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < adoption.size(); i++) {
                        Row row = adoption.get(i);
                        Map<String, Long> byKey = new TreeMap<>();
                        keys.get(i).forEach(k -> byKey.put(k.getString(1), k.getLong(2)));
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("overridesByKey", byKey);
                        details.put("olderPlaybookVersion", Stats.count(row, 3));
                        measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), details));
                    }
                    return measured;
                });
    }

    /** Rejections over all handoff decisions in the period, with rejection reasons counted by code. */
    static Uni<List<Kpi.Measurement>> handoffReworkRate(KpiContext c) {
        return Uni.combine()
                .all()
                .unis(c.query(DECISIONS), c.query(REJECTIONS))
                .asTuple()
                .map(both -> {
                    List<Row> decisions =
                            Stats.byPeriod(both.getItem1(), c.periods().size());
                    List<List<Row>> reasons =
                            Stats.allByPeriod(both.getItem2(), c.periods().size());
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < decisions.size(); i++) {
                        long rejected = Stats.count(decisions.get(i), 1);
                        Map<String, Long> byReason = new TreeMap<>();
                        reasons.get(i).forEach(r -> byReason.put(r.getString(1), r.getLong(2)));
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("rejections", rejected);
                        details.put("rejectionsByReason", byReason);
                        measured.add(Stats.rate(rejected, rejected + Stats.count(decisions.get(i), 2), details));
                    }
                    return measured;
                });
    }

    /** Share of time entries recorded within the playbook's billing window from the start of the work day. */
    static Uni<List<Kpi.Measurement>> billingTimelinessRate(KpiContext c) {
        return c.query(BILLING_TIMELINESS, c.firm().zone().getId(), c.defaults().billingTimelinessHours())
                .map(rows -> {
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                        measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), Map.of()));
                    }
                    return measured;
                });
    }

    /** Share of the weekly snapshots scheduled in the period that were produced within the hour. */
    static Uni<List<Kpi.Measurement>> reportDeliveryRate(KpiContext c) {
        List<Kpi.Measurement> measured = new ArrayList<>();
        for (Period period : c.periods()) {
            List<ReportDelivery> due = c.deliveries().stream()
                    .filter(d -> !d.scheduledFor()
                                    .isBefore(period.start(c.firm().zone()))
                            && d.scheduledFor().isBefore(period.end(c.firm().zone()))
                            && !d.pendingAt(c.now()))
                    .toList();
            measured.add(Stats.rate(due.stream().filter(ReportDelivery::onTime).count(), due.size(), Map.of()));
        }
        return Uni.createFrom().item(measured);
    }

    /**
     * Admin hours per attorney-week: attorneys' admin hours over (attorneys with any time in the period
     * x weeks in the period), with the change against the previous period of equal length.
     */
    static Uni<List<Kpi.Measurement>> attorneyAdminHours(KpiContext c) {
        List<Period> previous = c.periods().stream().map(Period::previous).toList();
        return Uni.combine()
                .all()
                .unis(c.query(ADMIN_HOURS), c.withPeriods(previous).query(ADMIN_HOURS))
                .asTuple()
                .map(both -> {
                    List<Row> now = Stats.byPeriod(both.getItem1(), c.periods().size());
                    List<Row> before =
                            Stats.byPeriod(both.getItem2(), c.periods().size());
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < now.size(); i++) {
                        BigDecimal value =
                                perAttorneyWeek(now.get(i), c.periods().get(i));
                        BigDecimal earlier = perAttorneyWeek(before.get(i), previous.get(i));
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("adminHours", Stats.round(Stats.decimal(now.get(i), 2), 2));
                        details.put("attorneys", Stats.count(now.get(i), 3));
                        details.put(
                                "weeks",
                                BigDecimal.valueOf(c.periods().get(i).days())
                                        .divide(BigDecimal.valueOf(7), 2, RoundingMode.HALF_UP));
                        details.put("previousPeriod", earlier);
                        details.put("change", value == null || earlier == null ? null : value.subtract(earlier));
                        measured.add(new Kpi.Measurement(
                                value, "hours per attorney-week", null, null, Stats.count(now.get(i), 1), details));
                    }
                    return measured;
                });
    }

    private static BigDecimal perAttorneyWeek(Row row, Period period) {
        long attorneys = Stats.count(row, 3);
        if (attorneys == 0) {
            return null;
        }
        return row.getBigDecimal(2)
                .multiply(BigDecimal.valueOf(7))
                .divide(BigDecimal.valueOf(attorneys * period.days()), 2, RoundingMode.HALF_UP);
    }
}
