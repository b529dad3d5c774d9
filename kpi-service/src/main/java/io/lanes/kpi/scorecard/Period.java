package io.lanes.kpi.scorecard;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** A reporting period {@code [from, to)} of the firm's calendar days. */
public record Period(LocalDate from, LocalDate to) {

    /** The first instant of {@code from} in the firm's zone. */
    public Instant start(ZoneId zone) {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant of {@code to} in the firm's zone: the period's end, excluded. */
    public Instant end(ZoneId zone) {
        return to.atStartOfDay(zone).toInstant();
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to);
    }

    /** The period of equal length just before this one. */
    public Period previous() {
        return new Period(from.minusDays(days()), from);
    }
}
