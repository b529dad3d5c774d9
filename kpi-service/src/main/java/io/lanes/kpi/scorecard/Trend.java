package io.lanes.kpi.scorecard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** A scorecard's KPIs as series over consecutive intervals, for charts. */
public record Trend(
        String scorecard,
        String interval,
        LocalDate from,
        LocalDate to,
        Map<String, String> filters,
        List<Series> series) {

    public record Series(String key, String unit, BigDecimal target, List<Point> points) {}

    public record Point(LocalDate from, LocalDate to, BigDecimal value, long sampleSize, KpiStatus status) {}
}
