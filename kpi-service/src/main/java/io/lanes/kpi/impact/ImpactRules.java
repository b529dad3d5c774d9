package io.lanes.kpi.impact;

import io.lanes.kpi.scorecard.Kpi;
import java.math.BigDecimal;

/**
 * When a comparison is made and when it counts: at least {@code minimumSample} items in each cohort
 * (below it the normal approximation of the tests is not to be trusted), and a two-sided p-value below
 * {@code significanceLevel}.
 */
public record ImpactRules(int minimumSample, BigDecimal significanceLevel) {

    public ImpactRules {
        if (minimumSample < 2) {
            throw new IllegalArgumentException("lanes.impact.minimum-sample must be at least 2, not " + minimumSample);
        }
        if (significanceLevel.signum() <= 0 || significanceLevel.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException(
                    "lanes.impact.significance-level must be between 0 and 1 (exclusive), not " + significanceLevel);
        }
    }

    /** Whether both cohorts have a value and at least the minimum sample: only then is a difference tested. */
    public boolean enough(Kpi.Measurement onVersion, Kpi.Measurement before) {
        return onVersion.value() != null
                && before.value() != null
                && onVersion.sampleSize() >= minimumSample
                && before.sampleSize() >= minimumSample;
    }
}
