package io.lanes.contracts;

import java.util.Arrays;
import java.util.Optional;

/**
 * The KPIs of docs/kpis.md, by scorecard, with the direction that counts as better. Playbooks name their
 * {@code kpiTargets} by these keys; the kpi-service computes them.
 */
public enum KpiKey {
    INTAKE_TO_OPEN_HOURS("intakeToOpenHours", Scorecard.OPS, false),
    DATA_COMPLETENESS_RATE("dataCompletenessRate", Scorecard.OPS, true),
    SOP_ADOPTION_RATE("sopAdoptionRate", Scorecard.OPS, true),
    HANDOFF_REWORK_RATE("handoffReworkRate", Scorecard.OPS, false),
    BILLING_TIMELINESS_RATE("billingTimelinessRate", Scorecard.OPS, true),
    REPORT_DELIVERY_RATE("reportDeliveryRate", Scorecard.OPS, true),
    ATTORNEY_ADMIN_HOURS("attorneyAdminHours", Scorecard.OPS, false),

    ON_TIME_MILESTONE_RATE("onTimeMilestoneRate", Scorecard.PM, true),
    OVERDUE_TASK_RATE("overdueTaskRate", Scorecard.PM, false),
    BUDGET_VARIANCE_PCT("budgetVariancePct", Scorecard.PM, false),
    ON_TIME_STATUS_UPDATE_RATE("onTimeStatusUpdateRate", Scorecard.PM, true),
    ESCALATION_RESOLUTION_HOURS("escalationResolutionHours", Scorecard.PM, false),
    CYCLE_TIME_VS_PLAN("cycleTimeVsPlan", Scorecard.PM, false),

    MISSED_DEADLINE_RATE("missedDeadlineRate", Scorecard.SHARED, false),
    CLIENT_SATISFACTION("clientSatisfaction", Scorecard.SHARED, true),
    PROCESS_WRITE_DOWNS("processWriteDowns", Scorecard.SHARED, false),
    THROUGHPUT_PER_ATTORNEY("throughputPerAttorney", Scorecard.SHARED, true);

    public enum Scorecard {
        OPS,
        PM,
        SHARED
    }

    private final String key;
    private final Scorecard scorecard;
    private final boolean higherIsBetter;

    KpiKey(String key, Scorecard scorecard, boolean higherIsBetter) {
        this.key = key;
        this.scorecard = scorecard;
        this.higherIsBetter = higherIsBetter;
    }

    /** The key as docs/kpis.md and the APIs spell it. */
    public String key() {
        return key;
    }

    public Scorecard scorecard() {
        return scorecard;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public static Optional<KpiKey> fromKey(String key) {
        return Arrays.stream(values()).filter(k -> k.key.equals(key)).findFirst();
    }
}
