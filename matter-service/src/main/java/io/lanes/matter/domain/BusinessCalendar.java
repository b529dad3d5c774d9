package io.lanes.matter.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Set;

/** Business days: Monday to Friday, less the firm's holidays (configuration). */
public record BusinessCalendar(Set<LocalDate> holidays) {

    public boolean isBusinessDay(LocalDate date) {
        return date.getDayOfWeek() != DayOfWeek.SATURDAY
                && date.getDayOfWeek() != DayOfWeek.SUNDAY
                && !holidays.contains(date);
    }

    /** The date {@code days} business days after {@code start}; 0 is {@code start} itself (or the next business day). */
    public LocalDate plusBusinessDays(LocalDate start, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("business days must not be negative: " + days);
        }
        LocalDate date = start;
        while (!isBusinessDay(date)) {
            date = date.plusDays(1);
        }
        int left = days;
        while (left > 0) {
            date = date.plusDays(1);
            if (isBusinessDay(date)) {
                left--;
            }
        }
        return date;
    }
}
