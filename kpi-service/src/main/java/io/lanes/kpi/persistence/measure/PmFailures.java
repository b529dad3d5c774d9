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

    private static final String FAILURES = KpiContext.PERIODS + "SELECT b.i, m.matter_id, "
            + "(SELECT count(*) FROM kpi_slip x WHERE x.matter_id = m.matter_id AND x.occurred_at >= b.s "
            + "AND x.occurred_at < b.e), "
            + "(SELECT count(*) FROM kpi_task k WHERE k.matter_id = m.matter_id AND " + Portfolio.TASK_DUE + " >= b.f"
            + " AND " + Portfolio.TASK_DUE + " < b.t AND " + Portfolio.TASK_DECIDED + " AND " + Portfolio.TASK_OVERDUE
            + "), (SELECT count(*) FROM kpi_budget_alert a WHERE a.matter_id = m.matter_id AND a.level = 'ESCALATION' "
            + "AND a.occurred_at >= b.s AND a.occurred_at < b.e) "
            + "FROM b JOIN kpi_matter m ON " + Portfolio.OPEN_IN_PERIOD + " WHERE " + KpiContext.scope("m");

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
