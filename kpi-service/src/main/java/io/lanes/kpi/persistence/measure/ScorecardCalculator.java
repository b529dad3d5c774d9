package io.lanes.kpi.persistence.measure;

import io.lanes.contracts.KpiKey;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scorecard;
import io.lanes.kpi.scorecard.ScorecardKind;
import io.smallrye.mutiny.Uni;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Computes the KPIs of a scorecard over the context's periods (one SQL aggregate per KPI, every period
 * at once) and judges each value against its target. The same read models give the same answer.
 */
public final class ScorecardCalculator {

    private static final Map<KpiKey, Function<KpiContext, Uni<List<Kpi.Measurement>>>> MEASURES =
            new EnumMap<>(KpiKey.class);

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

    /** The scorecard of the context's single period. */
    public static Uni<Scorecard> scorecard(ScorecardKind kind, KpiContext context) {
        Period period = context.periods().get(0);
        return judged(kind, context)
                .map(kpis -> new Scorecard(
                        kind.path(),
                        period.from(),
                        period.to(),
                        context.scope().asMap(),
                        context.asOf(period),
                        kpis.stream().map(perPeriod -> perPeriod.get(0)).toList()));
    }

    /** Every KPI of the scorecard, judged, for each of the context's periods (KPI order, then period order). */
    public static Uni<List<List<Kpi>>> judged(ScorecardKind kind, KpiContext context) {
        List<KpiKey> keys = Arrays.stream(KpiKey.values()).filter(kind::holds).toList();
        List<Uni<List<Kpi>>> measured = new ArrayList<>();
        for (KpiKey key : keys) {
            BigDecimal target = target(key, context);
            measured.add(MEASURES.get(key)
                    .apply(context)
                    .map(values -> values.stream()
                            .map(m -> Kpi.judged(key.key(), m, target, key.higherIsBetter()))
                            .toList()));
        }
        return Uni.join().all(measured).andFailFast();
    }

    /** One KPI's measurement over the context's first period, before a target is applied. */
    public static Uni<Kpi.Measurement> measured(KpiKey key, KpiContext context) {
        return MEASURES.get(key).apply(context).map(values -> values.get(0));
    }

    /** The filtered matter type's latest playbook target, else the firm default. */
    static BigDecimal target(KpiKey key, KpiContext context) {
        String matterType = context.scope().matterType();
        if (matterType != null) {
            BigDecimal fromPlaybook =
                    context.playbooks().target(matterType, key.key()).orElse(null);
            if (fromPlaybook != null) {
                return fromPlaybook;
            }
        }
        return context.defaults().target(key);
    }
}
