package io.lanes.kpi.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** A reporting period {@code [from, to)} of UTC dates. */
public record Period(LocalDate from, LocalDate to) {

    public Instant start() {
        return from.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public Instant end() {
        return to.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public boolean contains(Instant at) {
        return !at.isBefore(start()) && at.isBefore(end());
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(from) && date.isBefore(to);
    }

    /** The period of equal length just before this one. */
    public Period previous() {
        long days = ChronoUnit.DAYS.between(from, to);
        return new Period(from.minusDays(days), from);
    }
}
