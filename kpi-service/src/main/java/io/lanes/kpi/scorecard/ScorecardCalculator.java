package io.lanes.kpi.scorecard;

import io.lanes.contracts.KpiKey;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Computes a scorecard from facts and judges every KPI against its target. Pure: same input, same answer. */
public final class ScorecardCalculator {

    private static final Map<KpiKey, Function<KpiContext, Kpi.Measurement>> MEASURES = new EnumMap<>(KpiKey.class);

    static {
        MEASURES.put(KpiKey.INTAKE_TO_OPEN_HOURS, OpsKpis::intakeToOpenHours);
        MEASURES.put(KpiKey.DATA_COMPLETENESS_RATE, OpsKpis::dataCompletenessRate);
        MEASURES.put(KpiKey.SOP_ADOPTION_RATE, OpsKpis::sopAdoptionRate);
        MEASURES.put(KpiKey.HANDOFF_REWORK_RATE, OpsKpis::handoffReworkRate);
        MEASURES.put(KpiKey.BILLING_TIMELINESS_RATE, OpsKpis::billingTimelinessRate);
        MEASURES.put(KpiKey.REPORT_DELIVERY_RATE, OpsKpis::reportDeliveryRate);
        MEASURES.put(KpiKey.ATTORNEY_ADMIN_HOURS, OpsKpis::attorneyAdminHours);
        MEASURES.put(KpiKey.ON_TIME_MILESTONE_RATE, PmKpis::onTimeMilestoneRate);
        MEASURES.put(KpiKey.OVERDUE_TASK_RATE, PmKpis::overdueTaskRate);
        MEASURES.put(KpiKey.BUDGET_VARIANCE_PCT, PmKpis::budgetVariancePct);
        MEASURES.put(KpiKey.ON_TIME_STATUS_UPDATE_RATE, PmKpis::onTimeStatusUpdateRate);
        MEASURES.put(KpiKey.ESCALATION_RESOLUTION_HOURS, PmKpis::escalationResolutionHours);
        MEASURES.put(KpiKey.CYCLE_TIME_VS_PLAN, PmKpis::cycleTimeVsPlan);
        MEASURES.put(KpiKey.MISSED_DEADLINE_RATE, SharedKpis::missedDeadlineRate);
        MEASURES.put(KpiKey.CLIENT_SATISFACTION, SharedKpis::clientSatisfaction);
        MEASURES.put(KpiKey.PROCESS_WRITE_DOWNS, SharedKpis::processWriteDowns);
        MEASURES.put(KpiKey.THROUGHPUT_PER_ATTORNEY, SharedKpis::throughputPerAttorney);
        if (MEASURES.size() != KpiKey.values().length) {
            throw new IllegalStateException("a KPI of KpiKey has no measure");
        }
    }

    private ScorecardCalculator() {}

    public static Scorecard scorecard(ScorecardKind kind, KpiContext context) {
        return new Scorecard(
                kind.path(),
                context.period().from(),
                context.period().to(),
                context.scope().asMap(),
                context.asOf(),
                Arrays.stream(KpiKey.values())
                        .filter(kind::holds)
                        .map(key -> kpi(key, context))
                        .collect(Collectors.toList()));
    }

    public static Kpi kpi(KpiKey key, KpiContext context) {
        return Kpi.judged(key.key(), MEASURES.get(key).apply(context), target(key, context), key.higherIsBetter());
    }

    /** The filtered matter type's latest playbook target, else the firm default. */
    static BigDecimal target(KpiKey key, KpiContext context) {
        String matterType = context.scope().matterType();
        if (matterType != null) {
            BigDecimal fromPlaybook =
                    context.facts().playbooks().target(matterType, key.key()).orElse(null);
            if (fromPlaybook != null) {
                return fromPlaybook;
            }
        }
        return context.defaults().target(key);
    }
}
