package io.lanes.kpi.service;

import io.lanes.kpi.scorecard.Period;
import io.lanes.kpi.scorecard.Scope;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The query parameters every KPI endpoint shares, checked: {@code from} and {@code to} as ISO dates
 * (default: the 30 days up to and including today), and the filters (checked against known values
 * by {@link Scorecards}).
 */
public record ScorecardQuery(String from, String to, String practiceArea, String matterType, String team) {

    static final int DEFAULT_DAYS = 30;
    /** Long enough for several years of monthly trends; a guard against runaway requests. */
    static final long MAX_DAYS = 3660;

    public Period period(Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate end = date("to", to, errors);
        LocalDate start = date("from", from, errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        if (end == null) {
            end = start == null ? LocalDate.now(clock).plusDays(1) : start.plusDays(DEFAULT_DAYS);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS);
        }
        if (!start.isBefore(end)) {
            throw ProblemException.invalid(
                    List.of(new FieldError("from", "must be before to (" + end + ")", "period")));
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS) {
            throw ProblemException.invalid(
                    List.of(new FieldError("to", "the period may span at most " + MAX_DAYS + " days", "period")));
        }
        return new Period(start, end);
    }

    public Scope scope() {
        return new Scope(blankToNull(practiceArea), blankToNull(matterType), blankToNull(team));
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date YYYY-MM-DD, got '" + value + "'", "date"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
