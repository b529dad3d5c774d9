package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.Kpi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The legal project management scorecard: how live matters stay on plan (docs/kpis.md, `pm`). */
final class PmKpis {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private static final String MILESTONES = KpiContext.PERIODS + "SELECT b.i, count(*), "
            + "count(*) FILTER (WHERE ms.completed_at < b.e AND ms.completed_on <= ms.baseline_due), "
            + "count(*) FILTER (WHERE ms.completed_at < b.e AND ms.completed_on_time), "
            + "COALESCE(sum((SELECT count(*) FROM kpi_replan r WHERE r.milestone_id = ms.milestone_id "
            + "AND r.occurred_at < b.e)), 0) "
            + "FROM b JOIN kpi_milestone ms ON " + KpiContext.dayIn("ms.baseline_due") + " "
            + "LEFT JOIN kpi_matter m ON m.matter_id = ms.matter_id "
            + "WHERE (ms.completed_at < b.e OR ms.slipped_at < b.e) AND " + KpiContext.scope("m") + " GROUP BY b.i";

    private static final String TASKS = KpiContext.PERIODS + "SELECT b.i, count(*), count(*) FILTER (WHERE "
            + Portfolio.TASK_OVERDUE + ") FROM b JOIN kpi_task k ON "
            + KpiContext.dayIn(Portfolio.TASK_DUE) + " "
            + "LEFT JOIN kpi_matter m ON m.matter_id = k.matter_id WHERE " + Portfolio.TASK_DECIDED + " AND "
            + KpiContext.scope("m") + " GROUP BY b.i";

    /**
     * Per matter of the portfolio as of the period's end: budget, closed?, actual cost, earned value
     * (each phase's budget times the share of its milestones completed; milestones planned by then),
     * each budget the latest revised by then. A matter closed by then is judged against its budget, so
     * its earned value is not computed (NULL): over a year's trend that halves the milestone lookups.
     */
    private static final String EARNED_VALUE = KpiContext.PERIODS + "SELECT b.i, m.matter_id, m.matter_number, "
            + Portfolio.budgetAsOf("m.budget", "m.budget_revised", "m.matter_id", "'TOTAL'", "b.e")
            + ", m.closed_at < b.e, "
            + "COALESCE((SELECT sum(x.amount) FROM kpi_time x WHERE x.matter_id = m.matter_id AND x.occurred_at < b.e),"
            + " 0), CASE WHEN m.closed_at < b.e THEN NULL ELSE COALESCE((SELECT sum("
            + Portfolio.budgetAsOf("pb.budget", "pb.revised", "pb.matter_id", "pb.phase", "b.e")
            + " * n.done / n.total) FROM kpi_phase_budget pb CROSS JOIN LATERAL ("
            + "SELECT count(*)::numeric AS total, count(*) FILTER (WHERE ms.completed_at < b.e) AS done "
            + "FROM kpi_milestone ms WHERE ms.matter_id = m.matter_id AND ms.phase = pb.phase AND ms.planned_at < b.e"
            + ") n WHERE pb.matter_id = m.matter_id AND n.total > 0), 0) END "
            + "FROM b JOIN kpi_matter m ON " + Portfolio.OPEN_IN_PERIOD + " WHERE " + KpiContext.scope("m");

    private static final String STATUS_UPDATES = KpiContext.PERIODS + "SELECT b.i, "
            + "(SELECT count(*) FROM kpi_status_update u LEFT JOIN kpi_matter m ON m.matter_id = u.matter_id "
            + "WHERE " + KpiContext.instantIn("u.occurred_at") + " AND " + KpiContext.scope("m") + "), "
            + "(SELECT count(*) FROM kpi_status_update u LEFT JOIN kpi_matter m ON m.matter_id = u.matter_id "
            + "WHERE " + KpiContext.instantIn("u.occurred_at") + " AND u.on_time AND " + KpiContext.scope("m") + "), "
            + "(SELECT count(*) FROM kpi_escalation x LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id "
            + "WHERE x.cause = 'STATUS_UPDATE_OVERDUE' AND " + KpiContext.instantIn("x.raised_at") + " AND "
            + KpiContext.scope("m") + " AND NOT EXISTS (SELECT 1 FROM kpi_status_update u "
            + "WHERE u.matter_id = x.matter_id AND u.due_by::text = x.related_id)) FROM b";

    private static final String TO_RESOLVE = Stats.hours("x.raised_at", "x.resolved_at");

    private static final String RESOLVED_IN_PERIOD = " FROM b JOIN kpi_escalation x ON "
            + KpiContext.instantIn("x.resolved_at") + " LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id WHERE "
            + KpiContext.scope("m");

    private static final String RESOLUTION = KpiContext.PERIODS + "SELECT b.i, count(*), " + Stats.median(TO_RESOLVE)
            + ", " + Stats.p90(TO_RESOLVE) + RESOLVED_IN_PERIOD + " GROUP BY b.i";

    /** Each resolved escalation's hours, the values {@link #escalationResolutionHours} takes the median of. */
    static final String RESOLUTION_SAMPLE = KpiContext.PERIODS + "SELECT b.i, " + TO_RESOLVE + RESOLVED_IN_PERIOD;

    /** Raised before the end and not resolved before it: the interval (raised, resolved] holds the end. */
    private static final String OPEN_AT_END = KpiContext.PERIODS + "SELECT b.i, count(*) FROM b "
            + "JOIN kpi_escalation x ON tstzrange(x.raised_at, x.resolved_at, '(]') @> b.e "
            + "LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id WHERE x.raised_at IS NOT NULL AND "
            + KpiContext.scope("m") + " GROUP BY b.i";

    private static final String CLOSED_IN_PERIOD = " FROM b JOIN kpi_matter m ON " + KpiContext.instantIn("m.closed_at")
            + " CROSS JOIN LATERAL (SELECT (m.closed_on - m.opened_on)::numeric / "
            + "(m.close_planned - m.opened_on) AS ratio) r WHERE m.close_planned > m.opened_on AND "
            + KpiContext.scope("m");

    private static final String CYCLE = KpiContext.PERIODS + "SELECT b.i, count(*), " + Stats.median("r.ratio")
            + ", count(*) FILTER (WHERE r.ratio <= 1)" + CLOSED_IN_PERIOD + " GROUP BY b.i";

    /** Each closed matter's ratio, the values {@link #cycleTimeVsPlan} takes the median of. */
    static final String CYCLE_SAMPLE = KpiContext.PERIODS + "SELECT b.i, r.ratio" + CLOSED_IN_PERIOD;

    private PmKpis() {}

    /**
     * Over milestones whose baseline due date is in the period and that were completed or slipped as of
     * its end: the share completed on or before the baseline. The same against the current plan, and
     * the replans, are details.
     */
    static Uni<List<Kpi.Measurement>> onTimeMilestoneRate(KpiContext c) {
        return c.query(MILESTONES).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put(
                        "againstCurrentPlan",
                        Stats.rate(Stats.count(row, 3), Stats.count(row, 1), Map.of())
                                .value());
                details.put("replans", Stats.count(row, 4));
                measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), details));
            }
            return measured;
        });
    }

    /** Over tasks due in the period whose outcome is known: the share completed late or still open after it. */
    static Uni<List<Kpi.Measurement>> overdueTaskRate(KpiContext c) {
        return c.query(TASKS).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), Map.of()));
            }
            return measured;
        });
    }

    /**
     * Budget to plan (earned value) per matter of the portfolio as of the period's end: (AC - EV) / EV
     * in percent, or (AC - budget) / budget once closed; the median, the share and list of matters over
     * the tolerance, and the matters spending before any progress.
     */
    static Uni<List<Kpi.Measurement>> budgetVariancePct(KpiContext c) {
        return c.query(EARNED_VALUE).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (List<Row> matters : Stats.allByPeriod(rows, c.periods().size())) {
                measured.add(variance(matters, c.defaults().varianceTolerancePct()));
            }
            return measured;
        });
    }

    /** Each matter's variance of the first period's portfolio, the values {@link #budgetVariancePct} takes the median of. */
    static Uni<List<BigDecimal>> budgetVarianceSample(KpiContext c) {
        return c.query(EARNED_VALUE).map(rows -> {
            List<BigDecimal> variances = new ArrayList<>();
            for (Row row : Stats.allByPeriod(rows, c.periods().size()).get(0)) {
                variance(row).ifPresent(variances::add);
            }
            return variances;
        });
    }

    /** What a matter's spend is judged against: its budget once closed, else its earned value. */
    private static BigDecimal base(Row row) {
        return Boolean.TRUE.equals(row.getBoolean(4)) ? row.getBigDecimal(3) : row.getBigDecimal(6);
    }

    /** (AC - EV) / EV in percent, or against the budget once closed; none before any earned value or budget. */
    private static Optional<BigDecimal> variance(Row row) {
        BigDecimal base = base(row);
        if (base == null || base.signum() <= 0) {
            return Optional.empty();
        }
        return Optional.of(
                row.getBigDecimal(5).subtract(base).multiply(HUNDRED).divide(base, 10, RoundingMode.HALF_UP));
    }

    private static Kpi.Measurement variance(List<Row> matters, BigDecimal tolerance) {
        List<BigDecimal> variances = new ArrayList<>();
        List<Map<String, Object>> overPlan = new ArrayList<>();
        List<Map<String, Object>> spendBeforeProgress = new ArrayList<>();
        for (Row row : matters) {
            BigDecimal budget = row.getBigDecimal(3);
            boolean closed = Boolean.TRUE.equals(row.getBoolean(4));
            BigDecimal actual = row.getBigDecimal(5);
            Optional<BigDecimal> measured = variance(row);
            if (measured.isEmpty()) {
                if (!closed && actual.signum() > 0 && budget != null && budget.signum() > 0) {
                    Map<String, Object> matter = matter(row);
                    matter.put("actual", actual);
                    matter.put("consumedPct", actual.multiply(HUNDRED).divide(budget, 1, RoundingMode.HALF_UP));
                    spendBeforeProgress.add(matter);
                }
                continue;
            }
            BigDecimal variance = measured.get();
            variances.add(variance);
            if (variance.compareTo(tolerance) > 0) {
                Map<String, Object> matter = matter(row);
                matter.put("variancePct", Stats.round(variance, 1));
                matter.put("earnedValue", Stats.round(base(row), 2));
                matter.put("actual", actual);
                overPlan.add(matter);
            }
        }
        Comparator<Map<String, Object>> worstFirst = Comparator.comparing(
                        (Map<String, Object> m) -> (BigDecimal) m.get("variancePct"))
                .reversed()
                .thenComparing(m -> m.get("matterId").toString());
        overPlan.sort(worstFirst);
        spendBeforeProgress.sort(Comparator.comparing(m -> m.get("matterId").toString()));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(
                "shareOverPlan",
                Stats.rate(overPlan.size(), variances.size(), Map.of()).value());
        details.put("tolerancePct", tolerance);
        details.put("mattersOverPlan", overPlan);
        details.put("spendBeforeProgress", spendBeforeProgress);
        return new Kpi.Measurement(Stats.round(median(variances), 1), "percent", null, null, variances.size(), details);
    }

    private static Map<String, Object> matter(Row row) {
        Map<String, Object> matter = new LinkedHashMap<>();
        matter.put("matterId", row.getUUID(1));
        matter.put("matterNumber", row.getString(2));
        return matter;
    }

    /** The median of a portfolio's variances (computed here: each is a quotient of sums, not a column). */
    private static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
    }

    /** Share of status updates sent on time, counting every cadence window that passed with no update as late. */
    static Uni<List<Kpi.Measurement>> onTimeStatusUpdateRate(KpiContext c) {
        return c.query(STATUS_UPDATES).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                long sent = Stats.count(row, 1);
                long missed = Stats.count(row, 3);
                Map<String, Object> details = new LinkedHashMap<>();
                details.put("sent", sent);
                details.put("windowsWithoutUpdate", missed);
                measured.add(Stats.rate(Stats.count(row, 2), sent + missed, details));
            }
            return measured;
        });
    }

    /** Median (and p90) hours to resolve escalations resolved in the period; and how many are open at its end. */
    static Uni<List<Kpi.Measurement>> escalationResolutionHours(KpiContext c) {
        return Uni.combine()
                .all()
                .unis(c.query(RESOLUTION), c.query(OPEN_AT_END))
                .asTuple()
                .map(both -> {
                    List<Row> resolved =
                            Stats.byPeriod(both.getItem1(), c.periods().size());
                    List<Row> open = Stats.byPeriod(both.getItem2(), c.periods().size());
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < resolved.size(); i++) {
                        Row row = resolved.get(i);
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("p90", Stats.round(Stats.decimal(row, 3), 2));
                        details.put("openAtEnd", Stats.count(open.get(i), 1));
                        measured.add(new Kpi.Measurement(
                                Stats.round(Stats.decimal(row, 2), 2),
                                "hours",
                                null,
                                null,
                                Stats.count(row, 1),
                                details));
                    }
                    return measured;
                });
    }

    /** For matters closed in the period: median of actual over planned duration, and the share at or under plan. */
    static Uni<List<Kpi.Measurement>> cycleTimeVsPlan(KpiContext c) {
        return c.query(CYCLE).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                Map<String, Object> details = new LinkedHashMap<>();
                details.put(
                        "shareAtOrUnderPlan",
                        Stats.rate(Stats.count(row, 3), Stats.count(row, 1), Map.of())
                                .value());
                measured.add(new Kpi.Measurement(
                        Stats.round(Stats.decimal(row, 2), 4), "ratio", null, null, Stats.count(row, 1), details));
            }
            return measured;
        });
    }
}
