package io.lanes.kpi.persistence.measure;

import io.lanes.kpi.diagnosis.MatterFailures;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The PM failures of a period by matter of its portfolio: milestone slips detected in it, tasks due in
 * it that ended overdue, and budget variances that reached the escalation level in it.
 */
public final class PmFailures {

    /**
     * Each kind of failure is counted from the rows of the periods (range scans on time or due date)
     * and joined to the portfolio, rather than looked up for every matter of it.
     */
    private static final String FAILURES = KpiContext.PERIODS + "SELECT b.i, m.matter_id, COALESCE(s.n, 0), "
            + "COALESCE(k.n, 0), COALESCE(a.n, 0) FROM b JOIN kpi_matter m ON " + Portfolio.OPEN_IN_PERIOD
            + " LEFT JOIN (SELECT b.i, x.matter_id, count(*) AS n FROM b JOIN kpi_slip x ON "
            + KpiContext.instantIn("x.occurred_at") + " GROUP BY b.i, x.matter_id) s "
            + "ON s.i = b.i AND s.matter_id = m.matter_id "
            + "LEFT JOIN (SELECT b.i, k.matter_id, count(*) AS n FROM b JOIN kpi_task k ON "
            + KpiContext.dayIn(Portfolio.TASK_DUE) + " WHERE " + Portfolio.TASK_DECIDED + " AND "
            + Portfolio.TASK_OVERDUE + " GROUP BY b.i, k.matter_id) k ON k.i = b.i AND k.matter_id = m.matter_id "
            + "LEFT JOIN (SELECT b.i, a.matter_id, count(*) AS n FROM b JOIN kpi_budget_alert a ON "
            + KpiContext.instantIn("a.occurred_at") + " WHERE a.level = 'ESCALATION' GROUP BY b.i, a.matter_id) a "
            + "ON a.i = b.i AND a.matter_id = m.matter_id WHERE " + KpiContext.scope("m");

    private PmFailures() {}

    /** Every matter of the context's (single) period's portfolio, most failures first (ties by id, for a stable answer). */
    public static Uni<List<MatterFailures>> byMatter(KpiContext c) {
        return c.query(FAILURES).map(rows -> {
            List<MatterFailures> matters = new ArrayList<>();
            for (Row row : rows) {
                matters.add(new MatterFailures(row.getUUID(1), row.getLong(2), row.getLong(3), row.getLong(4)));
            }
            matters.sort(Comparator.comparingLong(MatterFailures::total)
                    .reversed()
                    .thenComparing(m -> m.matterId().toString()));
            return matters;
        });
    }
}
