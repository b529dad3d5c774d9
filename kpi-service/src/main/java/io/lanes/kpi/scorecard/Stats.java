package io.lanes.kpi.scorecard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The arithmetic of docs/kpis.md: rates to 4 decimals, hours to 2, medians and nearest-rank p90. */
final class Stats {

    private Stats() {}

    static BigDecimal hours(Instant from, Instant to) {
        return BigDecimal.valueOf(Duration.between(from, to).toSeconds())
                .divide(BigDecimal.valueOf(3600), 10, RoundingMode.HALF_UP);
    }

    static Kpi.Measurement rate(long numerator, long denominator, Map<String, Object> details) {
        BigDecimal value = denominator == 0
                ? null
                : BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 4, RoundingMode.HALF_UP);
        return new Kpi.Measurement(value, "ratio", numerator, denominator, denominator, details);
    }

    /** Median: the middle value, or the mean of the two middle values; null when empty. */
    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().collect(Collectors.toList());
        int n = sorted.size();
        return n % 2 == 1
                ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).add(sorted.get(n / 2)).divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
    }

    /** p90 by nearest rank: the value at position ceil(0.9 n) of the sorted values. */
    static BigDecimal p90(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().collect(Collectors.toList());
        int rank = (int) Math.ceil(0.9 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }

    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
    }

    static BigDecimal round(BigDecimal value, int decimals) {
        return value == null ? null : value.setScale(decimals, RoundingMode.HALF_UP);
    }
}
