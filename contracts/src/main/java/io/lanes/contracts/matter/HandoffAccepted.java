package io.lanes.contracts.matter;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A PM accepted the handoff: the matter is open and its plan instantiated from the playbook.
 *
 * @param matterNumber the number people say on the phone, e.g. {@code 2026-00042} (since 1.1; absent
 *     on matters accepted before)
 * @param tasks the tasks of the playbook's task templates (since 1.1; empty on matters accepted before)
 */
public record HandoffAccepted(
        UUID matterId,
        String matterNumber,
        UUID intakeId,
        Instant intakeReceivedAt,
        String acceptedBy,
        String practiceArea,
        String matterType,
        String team,
        String responsibleAttorney,
        int playbookVersion,
        boolean checklistComplete,
        String currency,
        Budget budget,
        List<PlannedMilestone> milestones,
        List<PlannedTask> tasks,
        LocalDate plannedCloseDate,
        List<String> planOverrides,
        Instant occurredAt)
        implements MatterEvent {

    /** A v1 producer sends no tasks and no overrides: the plan is the playbook's. */
    public HandoffAccepted {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        planOverrides = planOverrides == null ? List.of() : List.copyOf(planOverrides);
    }
}
