package io.lanes.kpi.diagnosis;

import io.lanes.kpi.scorecard.KpiStatus;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.kpi.scorecard.Scorecard;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * docs/kpis.md's test of what support a firm needs first. Firm-wide: at least two ops KPIs off, or PM
 * failures spread widely (the top 20% of matters hold under half of them). Matter-specific: PM KPIs
 * off and the failures concentrated (top 20% hold half or more). Both: firm-wide by the ops KPIs while
 * the PM failures are concentrated with PM KPIs off (read literally, "at most 1 ops KPI off" would
 * make "both" impossible; see the kpi-service README).
 */
public final class DecisionTest {

    static final BigDecimal CONCENTRATED = new BigDecimal("0.5");

    private DecisionTest() {}

    /** The verdict from a period's ops and PM scorecards and its PM failures by matter (most first). */
    public static Diagnosis diagnose(
            Period period, Scope scope, Scorecard ops, Scorecard pm, List<MatterFailures> matters) {
        List<Diagnosis.OffKpi> opsOff = off(ops);
        List<Diagnosis.OffKpi> pmOff = off(pm);
        long failures = matters.stream().mapToLong(MatterFailures::total).sum();
        int top = (int) Math.ceil(matters.size() * 0.2);
        List<MatterFailures> topMatters =
                matters.subList(0, top).stream().filter(m -> m.total() > 0).collect(Collectors.toList());
        BigDecimal topShare = failures == 0
                ? null
                : BigDecimal.valueOf(topMatters.stream()
                                .mapToLong(MatterFailures::total)
                                .sum())
                        .divide(BigDecimal.valueOf(failures), 4, RoundingMode.HALF_UP);

        boolean spread = topShare != null && topShare.compareTo(CONCENTRATED) < 0;
        boolean concentrated = topShare != null && topShare.compareTo(CONCENTRATED) >= 0;
        boolean firmWide = opsOff.size() >= 2 || spread;
        boolean matterSpecific = !pmOff.isEmpty() && concentrated;
        Diagnosis.Verdict verdict = firmWide && matterSpecific
                ? Diagnosis.Verdict.BOTH
                : firmWide
                        ? Diagnosis.Verdict.FIRM_WIDE
                        : matterSpecific ? Diagnosis.Verdict.MATTER_SPECIFIC : Diagnosis.Verdict.HEALTHY;
        return new Diagnosis(
                period.from(),
                period.to(),
                scope.asMap(),
                verdict,
                recommendation(verdict),
                new Diagnosis.Evidence(
                        opsOff,
                        pmOff,
                        new Diagnosis.Concentration(matters.size(), top, failures, topShare),
                        topMatters));
    }

    private static List<Diagnosis.OffKpi> off(Scorecard scorecard) {
        return scorecard.kpis().stream()
                .filter(k -> k.status() == KpiStatus.OFF_TARGET)
                .map(k -> new Diagnosis.OffKpi(k.key(), scorecard.scorecard(), k.value(), k.target()))
                .collect(Collectors.toList());
    }

    static String recommendation(Diagnosis.Verdict verdict) {
        switch (verdict) {
            case FIRM_WIDE:
                return "Legal operations first: fix the operating system (intake rules, playbooks, handoff checklists, "
                        + "templates, thresholds) before adding project management to individual matters.";
            case MATTER_SPECIFIC:
                return "Legal project management first: put PM ownership (plans, milestones, budget tracking, status "
                        + "cadence) on the matters that hold the failures.";
            case BOTH:
                return "Fix the operating system first, then add PM ownership where matter complexity justifies it.";
            default:
                return "Healthy: no bottleneck by the decision test; keep watching the scorecards.";
        }
    }
}
