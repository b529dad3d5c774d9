package io.lanes.kpi.impact;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether a difference between two cohorts is larger than chance would explain, two-sided, by the
 * normal approximation: a two-proportion z-test for rates, a Mann-Whitney U test (ties ranked at their
 * mean, the variance corrected for them, a continuity correction of 1/2) for medians. The approximation
 * is why a comparison needs a minimum sample in each cohort.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChanceTest(String name, BigDecimal statistic, BigDecimal z, BigDecimal pValue) {

    public static final String TWO_PROPORTION_Z = "two-proportion z-test";
    public static final String MANN_WHITNEY_U = "Mann-Whitney U";

    /** {@code x1} of {@code n1} against {@code x2} of {@code n2}; z is positive when the first share is larger. */
    public static ChanceTest proportions(long x1, long n1, long x2, long n2) {
        double p1 = (double) x1 / n1;
        double p2 = (double) x2 / n2;
        double pooled = (double) (x1 + x2) / (n1 + n2);
        double standardError = Math.sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        // Both cohorts all one way: no variation, nothing to tell apart.
        double z = standardError == 0 ? 0 : (p1 - p2) / standardError;
        return new ChanceTest(TWO_PROPORTION_Z, null, round(z, 3), round(twoSidedP(z), 4));
    }

    /**
     * {@code first} against {@code second}; the statistic is U of the first (how many pairs it wins, a tie
     * counting half), z positive when the first tends to be larger.
     */
    public static ChanceTest ranks(List<BigDecimal> first, List<BigDecimal> second) {
        record Ranked(BigDecimal value, boolean first) {}
        List<Ranked> all = new ArrayList<>(first.size() + second.size());
        first.forEach(v -> all.add(new Ranked(v, true)));
        second.forEach(v -> all.add(new Ranked(v, false)));
        Collections.sort(all, (a, b) -> a.value().compareTo(b.value()));
        int n = all.size();
        double firstRanks = 0;
        double ties = 0;
        for (int from = 0; from < n; ) {
            int to = from;
            while (to + 1 < n && all.get(to + 1).value().compareTo(all.get(from).value()) == 0) {
                to++;
            }
            double meanRank = (from + to) / 2.0 + 1;
            for (int i = from; i <= to; i++) {
                if (all.get(i).first()) {
                    firstRanks += meanRank;
                }
            }
            double t = to - from + 1;
            ties += t * t * t - t;
            from = to + 1;
        }
        double n1 = first.size();
        double n2 = second.size();
        double u = firstRanks - n1 * (n1 + 1) / 2;
        double mean = n1 * n2 / 2;
        double variance = n1 * n2 / 12 * ((n + 1) - ties / ((double) n * (n - 1)));
        double z =
                variance <= 0 ? 0 : Math.signum(u - mean) * Math.max(Math.abs(u - mean) - 0.5, 0) / Math.sqrt(variance);
        return new ChanceTest(MANN_WHITNEY_U, round(u, 1), round(z, 3), round(twoSidedP(z), 4));
    }

    /** P(|Z| >= |z|) for a standard normal Z: erfc(|z| / sqrt 2). */
    static double twoSidedP(double z) {
        return Math.min(1, erfc(Math.abs(z) / Math.sqrt(2)));
    }

    /** The complementary error function, to a fractional error below 1.2e-7 (a Chebyshev fit). */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * Math.abs(x));
        double fit = t
                * Math.exp(
                        -x * x
                                - 1.26551223
                                + t
                                        * (1.00002368
                                                + t
                                                        * (0.37409196
                                                                + t
                                                                        * (0.09678418
                                                                                + t
                                                                                        * (-0.18628806
                                                                                                + t
                                                                                                        * (0.27886807
                                                                                                                + t
                                                                                                                        * (-1.13520398
                                                                                                                                + t
                                                                                                                                        * (1.48851587
                                                                                                                                                + t
                                                                                                                                                        * (-0.82215223
                                                                                                                                                                + t
                                                                                                                                                                        * 0.17087277)))))))));
        return x >= 0 ? fit : 2 - fit;
    }

    private static BigDecimal round(double value, int decimals) {
        return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP);
    }
}
