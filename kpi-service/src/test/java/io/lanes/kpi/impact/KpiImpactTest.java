package io.lanes.kpi.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.lanes.contracts.KpiKey;
import io.lanes.kpi.scorecard.Kpi;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict: the direction a KPI counts as better, the significance level, the minimum sample. */
class KpiImpactTest {

    private static final ImpactRules RULES = new ImpactRules(20, new BigDecimal("0.05"));

    @Test
    void aRateThatFellBeyondChanceIsBetterWhereLowerIsBetter() {
        // Overdue tasks 12/30 -> 24/30 the other way round: z = -3.162 for the version, p 0.0016.
        KpiImpact impact = KpiImpact.ofRate(KpiKey.OVERDUE_TASK_RATE, rate(12, 30), rate(24, 30), RULES);
        assertEquals(Verdict.BETTER, impact.verdict());
        assertEquals(new BigDecimal("-0.4000"), impact.difference());
        KpiImpact worse = KpiImpact.ofRate(KpiKey.ON_TIME_MILESTONE_RATE, rate(12, 30), rate(24, 30), RULES);
        assertEquals(Verdict.WORSE, worse.verdict());
    }

    @Test
    void aPValueAtOrAboveTheLevelIsWithinChance() {
        KpiImpact impact = KpiImpact.ofRate(KpiKey.ON_TIME_MILESTONE_RATE, rate(20, 30), rate(17, 30), RULES);
        assertEquals(Verdict.WITHIN_CHANCE, impact.verdict());
    }

    @Test
    void aCohortBelowTheMinimumSampleIsNotTested() {
        KpiImpact impact = KpiImpact.ofRate(KpiKey.ON_TIME_MILESTONE_RATE, rate(19, 19), rate(0, 30), RULES);
        assertEquals(Verdict.NOT_ENOUGH_DATA, impact.verdict());
        assertNull(impact.test());
        KpiImpact empty = KpiImpact.ofRate(KpiKey.ON_TIME_MILESTONE_RATE, rate(0, 0), rate(0, 30), RULES);
        assertEquals(Verdict.NOT_ENOUGH_DATA, empty.verdict());
        assertNull(empty.difference());
    }

    @Test
    void aMedianIsComparedByRanks() {
        // 20 matters opened in 10 hours on the version against 20 in 30: the second cohort wins every pair, U = 0;
        // z = -(200 - 0.5) / sqrt(400 / 12 * (41 - 2 * (20^3 - 20) / (40 * 39))) = -6.23, p < 0.0001; lower is better.
        List<BigDecimal> faster = Collections.nCopies(20, BigDecimal.TEN);
        List<BigDecimal> slower = Collections.nCopies(20, new BigDecimal("30"));
        KpiImpact impact = KpiImpact.ofMedian(
                KpiKey.INTAKE_TO_OPEN_HOURS,
                median(BigDecimal.TEN, 20),
                median(new BigDecimal("30"), 20),
                faster,
                slower,
                RULES);
        assertEquals(new BigDecimal("0.0"), impact.test().statistic());
        assertEquals(new BigDecimal("-6.229"), impact.test().z());
        assertEquals(Verdict.BETTER, impact.verdict());
    }

    @Test
    void rulesOutsideTheirRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ImpactRules(1, new BigDecimal("0.05")));
        assertThrows(IllegalArgumentException.class, () -> new ImpactRules(20, BigDecimal.ONE));
    }

    private static Kpi.Measurement rate(long numerator, long denominator) {
        BigDecimal value = denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        return new Kpi.Measurement(value, "ratio", numerator, denominator, denominator, Map.of());
    }

    private static Kpi.Measurement median(BigDecimal value, long n) {
        return new Kpi.Measurement(value, "hours", null, null, n, Map.of());
    }
}
