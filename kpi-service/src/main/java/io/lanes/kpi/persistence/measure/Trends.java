package io.lanes.kpi.persistence.measure;

import io.lanes.contracts.KpiKey;
import io.lanes.kpi.scorecard.Kpi;
import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.ScorecardKind;
import io.lanes.kpi.scorecard.Trend;
import io.lanes.kpi.scorecard.TrendInterval;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A trend: each KPI of a scorecard over every bucket of the period, all buckets in one query per KPI. */
public final class Trends {

    private Trends() {}

    /** The context's periods are the buckets of {@code period}. */
    public static Uni<Trend> trend(ScorecardKind kind, TrendInterval interval, Period period, KpiContext context) {
        List<KpiKey> keys = Arrays.stream(KpiKey.values()).filter(kind::holds).toList();
        return ScorecardCalculator.judged(kind, context).map(judged -> {
            List<Trend.Series> series = new ArrayList<>();
            for (int k = 0; k < keys.size(); k++) {
                List<Kpi> points = judged.get(k);
                List<Trend.Point> values = new ArrayList<>();
                for (int i = 0; i < points.size(); i++) {
                    Kpi kpi = points.get(i);
                    Period bucket = context.periods().get(i);
                    values.add(
                            new Trend.Point(bucket.from(), bucket.to(), kpi.value(), kpi.sampleSize(), kpi.status()));
                }
                series.add(new Trend.Series(
                        keys.get(k).key(),
                        points.isEmpty() ? null : points.get(0).unit(),
                        ScorecardCalculator.target(keys.get(k), context),
                        values));
            }
            return new Trend(
                    kind.path(),
                    interval.path(),
                    period.from(),
                    period.to(),
                    context.scope().asMap(),
                    series);
        });
    }
}
