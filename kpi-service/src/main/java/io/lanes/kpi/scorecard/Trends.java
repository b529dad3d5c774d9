package io.lanes.kpi.scorecard;

import io.lanes.contracts.KpiKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Builds a trend by computing each KPI of a scorecard for every bucket of the period. */
public final class Trends {

    private Trends() {}

    public static Trend trend(ScorecardKind kind, TrendInterval interval, KpiContext context) {
        List<Period> buckets = interval.buckets(context.period());
        List<Trend.Series> series = Arrays.stream(KpiKey.values())
                .filter(kind::holds)
                .map(key -> {
                    List<Kpi> points = buckets.stream()
                            .map(b -> ScorecardCalculator.kpi(key, context.withPeriod(b)))
                            .collect(Collectors.toList());
                    List<Trend.Point> values = new ArrayList<>();
                    for (int i = 0; i < buckets.size(); i++) {
                        Kpi k = points.get(i);
                        values.add(new Trend.Point(
                                buckets.get(i).from(), buckets.get(i).to(), k.value(), k.sampleSize(), k.status()));
                    }
                    return new Trend.Series(
                            key.key(),
                            points.isEmpty() ? null : points.get(0).unit(),
                            ScorecardCalculator.target(key, context),
                            values);
                })
                .collect(Collectors.toList());
        return new Trend(
                kind.path(),
                interval.path(),
                context.period().from(),
                context.period().to(),
                context.scope().asMap(),
                series);
    }
}
