package io.lanes.kpi.scorecard;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Trend buckets: ISO weeks (Monday to Monday) or calendar months, clipped to the requested period. */
public enum TrendInterval {
    WEEK,
    MONTH;

    public String path() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TrendInterval> fromPath(String path) {
        return Arrays.stream(values()).filter(i -> i.path().equals(path)).findFirst();
    }

    public List<Period> buckets(Period period) {
        List<Period> buckets = new ArrayList<>();
        LocalDate start = period.from();
        while (start.isBefore(period.to())) {
            LocalDate next = this == WEEK
                    ? start.with(TemporalAdjusters.next(DayOfWeek.MONDAY))
                    : start.with(TemporalAdjusters.firstDayOfNextMonth());
            LocalDate end = next.isAfter(period.to()) ? period.to() : next;
            buckets.add(new Period(start, end));
            start = end;
        }
        return buckets;
    }
}
