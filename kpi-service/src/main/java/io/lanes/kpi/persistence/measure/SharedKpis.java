package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.scorecard.Kpi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The shared scorecard: outcomes both disciplines answer for (docs/kpis.md, `shared`). */
final class SharedKpis {

    private static final String UNASSIGNED = "(unassigned)";
    private static final String UNKNOWN_CURRENCY = "(unknown)";

    private static final String MISSED_DEADLINES = KpiContext.PERIODS + "SELECT b.i, count(*), "
            + "count(*) FILTER (WHERE ms.deadline_missed_at < b.e) FROM b JOIN kpi_milestone ms "
            + "ON " + KpiContext.dayIn("ms.baseline_due") + " LEFT JOIN kpi_matter m ON m.matter_id = ms.matter_id"
            + " WHERE ms.hard_deadline AND (ms.deadline_missed_at < b.e OR ms.completed_at < b.e OR ms.baseline_due < "
            + "b.today) AND " + KpiContext.scope("m") + " GROUP BY b.i";

    private static final String SATISFACTION = KpiContext.PERIODS + "SELECT b.i, count(*), avg(x.score) FROM b "
            + "JOIN kpi_feedback x ON " + KpiContext.instantIn("x.occurred_at") + " "
            + "LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id WHERE " + KpiContext.scope("m") + " GROUP BY b.i";

    private static final String WRITE_DOWNS = KpiContext.PERIODS + "SELECT b.i, m.currency, count(*), sum(x.amount), "
            + "count(*) FILTER (WHERE x.cause = 'PROCESS_FAILURE'), "
            + "COALESCE(sum(x.amount) FILTER (WHERE x.cause = 'PROCESS_FAILURE'), 0) FROM b "
            + "JOIN kpi_write_down x ON " + KpiContext.instantIn("x.occurred_at") + " "
            + "LEFT JOIN kpi_matter m ON m.matter_id = x.matter_id WHERE " + KpiContext.scope("m")
            + " GROUP BY b.i, m.currency";

    private static final String CLOSED = KpiContext.PERIODS + "SELECT b.i, m.responsible_attorney, m.team, count(*) "
            + "FROM b JOIN kpi_matter m ON " + KpiContext.instantIn("m.closed_at") + " WHERE " + KpiContext.scope("m")
            + " GROUP BY b.i, m.responsible_attorney, m.team";

    private static final String ATTORNEYS = KpiContext.PERIODS + "SELECT b.i, count(DISTINCT COALESCE("
            + "m.responsible_attorney, '" + UNASSIGNED + "')) FROM b JOIN kpi_matter m ON " + Portfolio.OPEN_IN_PERIOD
            + " WHERE " + KpiContext.scope("m") + " GROUP BY b.i";

    private SharedKpis() {}

    /** Over hard-deadline milestones with a baseline due date in the period (and already due): the share missed. */
    static Uni<List<Kpi.Measurement>> missedDeadlineRate(KpiContext c) {
        return c.query(MISSED_DEADLINES).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                measured.add(Stats.rate(Stats.count(row, 2), Stats.count(row, 1), Map.of()));
            }
            return measured;
        });
    }

    /** Mean client feedback score (1..5) in the period. */
    static Uni<List<Kpi.Measurement>> clientSatisfaction(KpiContext c) {
        return c.query(SATISFACTION).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (Row row : Stats.byPeriod(rows, c.periods().size())) {
                measured.add(new Kpi.Measurement(
                        Stats.round(Stats.decimal(row, 2), 2), "score", null, null, Stats.count(row, 1), Map.of()));
            }
            return measured;
        });
    }

    /**
     * Process-failure write-downs in the period, per currency (never summed across currencies): the
     * value is the firm's base currency's amount, every currency is in the breakdown.
     */
    static Uni<List<Kpi.Measurement>> processWriteDowns(KpiContext c) {
        String base = c.firm().currency();
        return c.query(WRITE_DOWNS).map(rows -> {
            List<Kpi.Measurement> measured = new ArrayList<>();
            for (List<Row> currencies : Stats.allByPeriod(rows, c.periods().size())) {
                if (currencies.isEmpty()) {
                    measured.add(new Kpi.Measurement(null, "amount", null, null, 0, Map.of()));
                    continue;
                }
                Map<String, Object> byCurrency = new TreeMap<>();
                BigDecimal value = BigDecimal.ZERO.setScale(2);
                long count = 0;
                Map<String, Object> details = new LinkedHashMap<>();
                for (Row row : currencies) {
                    String currency = row.getString(1) == null ? UNKNOWN_CURRENCY : row.getString(1);
                    BigDecimal all = row.getBigDecimal(3);
                    BigDecimal process = row.getBigDecimal(5);
                    count += row.getLong(2);
                    Map<String, Object> one = new LinkedHashMap<>();
                    one.put("processFailure", process.setScale(2, RoundingMode.HALF_UP));
                    one.put("processFailureCount", row.getLong(4));
                    one.put("allWriteDowns", all.setScale(2, RoundingMode.HALF_UP));
                    one.put(
                            "shareOfAllWriteDowns",
                            all.signum() == 0 ? null : process.divide(all, 4, RoundingMode.HALF_UP));
                    byCurrency.put(currency, one);
                    if (currency.equals(base)) {
                        value = process.setScale(2, RoundingMode.HALF_UP);
                        details.putAll(one);
                    }
                }
                details.put("currency", base);
                details.put("byCurrency", byCurrency);
                measured.add(new Kpi.Measurement(value, "amount", null, null, count, details));
            }
            return measured;
        });
    }

    /**
     * Matters closed in the period per responsible attorney of the matters open in it; the breakdown by
     * attorney and by team is the point, the one number is closed matters over those attorneys.
     */
    static Uni<List<Kpi.Measurement>> throughputPerAttorney(KpiContext c) {
        return Uni.combine()
                .all()
                .unis(c.query(CLOSED), c.query(ATTORNEYS))
                .asTuple()
                .map(both -> {
                    List<List<Row>> closed =
                            Stats.allByPeriod(both.getItem1(), c.periods().size());
                    List<Row> attorneys =
                            Stats.byPeriod(both.getItem2(), c.periods().size());
                    List<Kpi.Measurement> measured = new ArrayList<>();
                    for (int i = 0; i < closed.size(); i++) {
                        Map<String, Long> byAttorney = new TreeMap<>();
                        Map<String, Long> byTeam = new TreeMap<>();
                        long matters = 0;
                        for (Row row : closed.get(i)) {
                            long n = row.getLong(3);
                            byAttorney.merge(label(row.getString(1)), n, Long::sum);
                            byTeam.merge(label(row.getString(2)), n, Long::sum);
                            matters += n;
                        }
                        long people = Stats.count(attorneys.get(i), 1);
                        Map<String, Object> details = new LinkedHashMap<>();
                        details.put("byAttorney", byAttorney);
                        details.put("byTeam", byTeam);
                        BigDecimal value = people == 0
                                ? null
                                : BigDecimal.valueOf(matters)
                                        .divide(BigDecimal.valueOf(people), 2, RoundingMode.HALF_UP);
                        measured.add(
                                new Kpi.Measurement(value, "matters per attorney", matters, people, matters, details));
                    }
                    return measured;
                });
    }

    private static String label(String value) {
        return value == null ? UNASSIGNED : value;
    }
}
