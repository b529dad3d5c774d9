package io.lanes.contracts.matter;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A task of the plan instantiated at acceptance from one of the playbook's task templates (contract 1.1).
 *
 * @param milestoneId the milestone the task serves, when its template names one
 */
public record PlannedTask(
        UUID taskId, String templateKey, UUID milestoneId, String title, String assignee, LocalDate dueDate) {}
