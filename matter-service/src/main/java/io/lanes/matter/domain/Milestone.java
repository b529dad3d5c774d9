package io.lanes.matter.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A milestone of a live matter: its baseline (first) and current due dates, and what detection
 * already reported for the current due date, so each report is made once per due date.
 */
public record Milestone(
        UUID id,
        String templateKey,
        String name,
        LocalDate baselineDueDate,
        LocalDate dueDate,
        String owner,
        String phase,
        boolean hardDeadline,
        LocalDate completedOn,
        LocalDate slipReportedFor,
        LocalDate deadlineMissedFor) {

    /** A milestone as first planned: its baseline is its due date, nothing reported yet. */
    static Milestone planned(
            UUID id, String templateKey, String name, LocalDate due, String owner, String phase, boolean hard) {
        return new Milestone(id, templateKey, name, due, due, owner, phase, hard, null, null, null);
    }

    public boolean completed() {
        return completedOn != null;
    }

    Milestone replanned(LocalDate newDue) {
        return new Milestone(
                id,
                templateKey,
                name,
                baselineDueDate,
                newDue,
                owner,
                phase,
                hardDeadline,
                completedOn,
                slipReportedFor,
                deadlineMissedFor);
    }

    Milestone completedOn(LocalDate date) {
        return new Milestone(
                id,
                templateKey,
                name,
                baselineDueDate,
                dueDate,
                owner,
                phase,
                hardDeadline,
                date,
                slipReportedFor,
                deadlineMissedFor);
    }

    Milestone slipReported() {
        return new Milestone(
                id,
                templateKey,
                name,
                baselineDueDate,
                dueDate,
                owner,
                phase,
                hardDeadline,
                completedOn,
                dueDate,
                deadlineMissedFor);
    }

    Milestone deadlineMissed() {
        return new Milestone(
                id,
                templateKey,
                name,
                baselineDueDate,
                dueDate,
                owner,
                phase,
                hardDeadline,
                completedOn,
                slipReportedFor,
                dueDate);
    }
}
