package io.lanes.subscription.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A milestone as a calendar shows it: an all-day event on its due date, its {@code sequence} raised
 * by each replan so calendar apps replace the old date.
 */
public record CalendarMilestone(
        UUID milestoneId,
        String matterNumber,
        String name,
        LocalDate dueDate,
        String owner,
        boolean hardDeadline,
        LocalDate completedOn,
        int sequence) {}
