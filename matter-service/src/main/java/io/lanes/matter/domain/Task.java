package io.lanes.matter.domain;

import java.time.LocalDate;
import java.util.UUID;

/** A task with its owner and due date. */
public record Task(
        UUID id, UUID milestoneId, String title, String assignee, LocalDate dueDate, LocalDate completedOn) {}
