package io.lanes.kpi.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tests' arithmetic against values worked out by hand (and math.erfc for the tail probabilities). */
class ChanceTestTest {

    @Test
    void twoProportionsFarApartAreBeyondChance() {
        // 24/30 = 0.8 against 12/30 = 0.4: pooled 0.6, standard error sqrt(0.6 * 0.4 * 2/30) = 0.126491,
        // z = 0.4 / 0.126491 = 3.16228, p = erfc(3.16228 / sqrt 2) = 0.0015654.
        ChanceTest test = ChanceTest.proportions(24, 30, 12, 30);
        assertEquals("two-proportion z-test", test.name());
        assertEquals(new BigDecimal("3.162"), test.z());
        assertEquals(new BigDecimal("0.0016"), test.pValue());
    }

    @Test
    void twoProportionsCloseTogetherAreWithinChance() {
        // 20/30 against 17/30: pooled 37/60, standard error 0.125536, z = 0.1 / 0.125536 = 0.79658, p = 0.42569.
        ChanceTest test = ChanceTest.proportions(20, 30, 17, 30);
        assertEquals(new BigDecimal("0.797"), test.z());
        assertEquals(new BigDecimal("0.4257"), test.pValue());
    }

    @Test
    void cohortsWithoutVariationHaveNothingToTellApart() {
        ChanceTest test = ChanceTest.proportions(30, 30, 25, 25);
        assertEquals(new BigDecimal("0.000"), test.z());
        assertEquals(new BigDecimal("1.0000"), test.pValue());
    }

    @Test
    void ranksWithATieAreAveragedAndTheVarianceCorrected() {
        // 1 2 3 4 against 3 5 6 7. Ranks: 1, 2, 3.5 (the tied 3s), 5 for the first; R = 11.5, U = 11.5 - 10 = 1.5.
        // Mean n1 n2 / 2 = 8; variance 16/12 * (9 - (2^3 - 2) / (8 * 7)) = 11.857143; with the continuity
        // correction z = -(6.5 - 0.5) / sqrt(11.857143) = -1.74245; p = erfc(1.74245 / sqrt 2) = 0.081429.
        ChanceTest test = ChanceTest.ranks(decimals(1, 2, 3, 4), decimals(3, 5, 6, 7));
        assertEquals("Mann-Whitney U", test.name());
        assertEquals(new BigDecimal("1.5"), test.statistic());
        assertEquals(new BigDecimal("-1.742"), test.z());
        assertEquals(new BigDecimal("0.0814"), test.pValue());
    }

    @Test
    void ranksOfOneValueEverywhereAreWithinChance() {
        ChanceTest test = ChanceTest.ranks(decimals(5, 5, 5), decimals(5, 5));
        assertEquals(new BigDecimal("0.000"), test.z());
        assertEquals(new BigDecimal("1.0000"), test.pValue());
    }

    @Test
    void theTailProbabilityMatchesTheNormalDistribution() {
        // Two-sided p of the standard normal: 1.959964 -> 0.05, 2.575829 -> 0.01, 0 -> 1.
        assertEquals(0.05, ChanceTest.twoSidedP(1.959964), 1e-6);
        assertEquals(0.01, ChanceTest.twoSidedP(2.575829), 1e-6);
        assertEquals(1.0, ChanceTest.twoSidedP(0), 1e-6);
    }

    private static List<BigDecimal> decimals(int... values) {
        return Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }
}
