package io.lanes.kpi.scorecard;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** The weekly snapshot slots: every Monday at 06:00 UTC, each covering the seven days before that Monday. */
public final class ReportSchedule {

    private static final LocalTime AT = LocalTime.of(6, 0);

    private ReportSchedule() {}

    /** The latest slot at or before {@code now}. */
    public static Instant latestSlotAtOrBefore(Instant now) {
        ZonedDateTime t = now.atZone(ZoneOffset.UTC);
        ZonedDateTime monday = t.toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .atTime(AT)
                .atZone(ZoneOffset.UTC);
        return (monday.isAfter(t) ? monday.minusWeeks(1) : monday).toInstant();
    }

    /** The first slot at or after {@code at}. */
    public static Instant firstSlotAtOrAfter(Instant at) {
        Instant latest = latestSlotAtOrBefore(at);
        return latest.equals(at)
                ? latest
                : latest.atZone(ZoneOffset.UTC).plusWeeks(1).toInstant();
    }

    /** Slots from {@code first} through {@code now}, oldest first. */
    public static List<Instant> slotsBetween(Instant first, Instant now) {
        List<Instant> slots = new ArrayList<>();
        for (ZonedDateTime s = first.atZone(ZoneOffset.UTC); !s.toInstant().isAfter(now); s = s.plusWeeks(1)) {
            slots.add(s.toInstant());
        }
        return slots;
    }

    /** The week a slot reports on: the seven days before its Monday. */
    public static LocalDate periodEnd(Instant slot) {
        return LocalDate.ofInstant(slot, ZoneOffset.UTC);
    }
}
