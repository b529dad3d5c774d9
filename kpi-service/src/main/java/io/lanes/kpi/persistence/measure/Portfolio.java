package io.lanes.kpi.persistence.measure;

/** SQL predicates several KPIs and the diagnosis share, over the periods table {@code b} of {@link KpiContext}. */
public final class Portfolio {

    /**
     * A matter {@code m} of a period's portfolio: accepted before its end and not closed before its
     * start (a GiST index on the interval finds them without reading older history).
     */
    public static final String OPEN_IN_PERIOD =
            "tstzrange(m.accepted_at, m.closed_at, '[]') && tstzrange(b.s, b.e) AND tstzrange(m.accepted_at, "
                    + "m.closed_at, '[]') && tstzrange($9, $10) AND m.accepted_at IS NOT NULL";

    /** A task {@code k}'s due date: the one it was completed against, else its latest assignment's. */
    public static final String TASK_DUE = "COALESCE(k.completed_due, k.assigned_due)";

    /** A task whose outcome is known as of the period: completed before its end, or due before today. */
    public static final String TASK_DECIDED = "(k.completed_at < b.e OR " + TASK_DUE + " < b.today)";

    /** Completed late before the period's end, or not completed by then and due before today. */
    public static final String TASK_OVERDUE = "((k.completed_at < b.e AND NOT k.on_time) OR (NOT COALESCE("
            + "k.completed_at < b.e, false) AND " + TASK_DUE + " < b.today))";

    /**
     * A budget line as of {@code end}: the latest {@code budget-revised} amount before it, else the
     * budget at acceptance. {@code revised} (a flag on the line) spares the lookup where there is none.
     */
    public static String budgetAsOf(String budget, String revised, String matterId, String phase, String end) {
        return "CASE WHEN " + revised
                + " THEN COALESCE((SELECT r.amount FROM kpi_budget_revision r WHERE r.matter_id = "
                + matterId + " AND r.phase = " + phase + " AND r.occurred_at < " + end
                + " ORDER BY r.occurred_at DESC, "
                + "r.ce_id DESC LIMIT 1), " + budget + ") ELSE " + budget + " END";
    }

    private Portfolio() {}
}
