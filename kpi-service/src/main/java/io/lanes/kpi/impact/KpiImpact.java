package io.lanes.kpi.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.lanes.contracts.KpiKey;
import io.lanes.kpi.scorecard.Kpi;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One KPI on a playbook version beside the version before it, and whether the difference is beyond chance. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record KpiImpact(
        @Schema(description = "The KPI key of docs/kpis.md") String key,
        String unit,
        boolean higherIsBetter,

        @Schema(description = "Over the matters accepted on the version")
        Cohort version,

        @Schema(description = "Over the matters accepted on the version before")
        Cohort previousVersion,

        @Schema(description = "version.value - previousVersion.value, null when either is")
        BigDecimal difference,

        @Schema(description = "The test made, null when a cohort is below the minimum sample")
        ChanceTest test,

        Verdict verdict) {

    /** A rate's comparison: the two-proportion z-test over numerators and denominators. */
    public static KpiImpact ofRate(KpiKey key, Kpi.Measurement onVersion, Kpi.Measurement before, ImpactRules rules) {
        ChanceTest test = rules.enough(onVersion, before)
                ? ChanceTest.proportions(
                        onVersion.numerator(), onVersion.denominator(), before.numerator(), before.denominator())
                : null;
        return of(key, onVersion, before, test, rules);
    }

    /** A median's comparison: the Mann-Whitney U test over each cohort's values. */
    public static KpiImpact ofMedian(
            KpiKey key,
            Kpi.Measurement onVersion,
            Kpi.Measurement before,
            List<BigDecimal> versionValues,
            List<BigDecimal> beforeValues,
            ImpactRules rules) {
        ChanceTest test = rules.enough(onVersion, before) ? ChanceTest.ranks(versionValues, beforeValues) : null;
        return of(key, onVersion, before, test, rules);
    }

    private static KpiImpact of(
            KpiKey key, Kpi.Measurement onVersion, Kpi.Measurement before, ChanceTest test, ImpactRules rules) {
        BigDecimal difference = onVersion.value() == null || before.value() == null
                ? null
                : onVersion.value().subtract(before.value());
        Verdict verdict;
        if (test == null) {
            verdict = Verdict.NOT_ENOUGH_DATA;
        } else if (test.pValue().compareTo(rules.significanceLevel()) >= 0
                || test.z().signum() == 0) {
            verdict = Verdict.WITHIN_CHANCE;
        } else {
            verdict = (test.z().signum() > 0) == key.higherIsBetter() ? Verdict.BETTER : Verdict.WORSE;
        }
        return new KpiImpact(
                key.key(),
                onVersion.unit(),
                key.higherIsBetter(),
                Cohort.of(onVersion),
                Cohort.of(before),
                difference,
                test,
                verdict);
    }
}
