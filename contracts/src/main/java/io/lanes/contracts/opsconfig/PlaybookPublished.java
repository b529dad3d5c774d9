package io.lanes.contracts.opsconfig;

import io.lanes.contracts.Routing;
import io.lanes.contracts.matter.EscalationCause;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A new immutable version of the playbook for one matter type: legal operations' definition of a
 * complete intake, the handoff checklist, routing, the milestone template, the budget split by
 * UTBMS phase, escalation thresholds and KPI targets.
 */
public record PlaybookPublished(
        String matterType,
        int version,
        String practiceArea,
        String publishedBy,
        List<RequiredField> requiredFields,
        List<ChecklistItem> checklist,
        Routing routing,
        List<MilestoneTemplate> milestones,
        List<TaskTemplate> taskTemplates,
        List<BudgetPhase> budgetPhases,
        Thresholds thresholds,
        List<EscalationPath> escalationPaths,
        Map<String, BigDecimal> kpiTargets,
        Instant occurredAt)
        implements OpsConfigEvent {

    /** A version published before contract 1.1 has no task templates and no escalation paths. */
    public PlaybookPublished {
        taskTemplates = taskTemplates == null ? List.of() : List.copyOf(taskTemplates);
        escalationPaths = escalationPaths == null ? List.of() : List.copyOf(escalationPaths);
    }

    /** The path of {@code cause}, if the playbook has one. */
    public Optional<EscalationPath> escalationPath(EscalationCause cause) {
        return escalationPaths.stream().filter(p -> p.cause() == cause).findFirst();
    }

    public enum FieldType {
        TEXT,
        DATE,
        EMAIL,
        MONEY,
        BOOLEAN,
        NUMBER,
        ENUM
    }

    /**
     * An intake field that must be filled before a matter may open; {@code options} only for ENUM.
     *
     * @param mustBeTrue a BOOLEAN gate (e.g. a cleared conflict check): false stops the intake; null or
     *     false for an ordinary field (contract 1.1, additive)
     * @param milestoneName a DATE field's date becomes a hard-deadline milestone of this name at acceptance
     *     (e.g. a limitation date); null for an ordinary field (contract 1.1, additive)
     */
    public record RequiredField(
            String key, String label, FieldType type, List<String> options, Boolean mustBeTrue, String milestoneName) {}

    /** A handoff checklist item that intake must tick. */
    public record ChecklistItem(String key, String label) {}

    /** A milestone every matter of the type gets, due {@code offsetDays} business days after opening. */
    public record MilestoneTemplate(
            String templateKey, String name, int offsetDays, String owner, String phase, boolean hardDeadline) {}

    /**
     * A task every matter of the type gets at acceptance, due {@code offsetDays} business days after opening
     * (contract 1.1).
     *
     * @param milestoneTemplateKey the milestone template the task serves, or null
     * @param assigneeRole {@code pm} (the accepting PM), {@code responsibleAttorney}, or a role or user id
     *     the task is given to as written
     */
    public record TaskTemplate(
            String templateKey, String title, String milestoneTemplateKey, int offsetDays, String assigneeRole) {}

    /**
     * Who answers an escalation of {@code cause}: the first step's assignee when it is raised, then each
     * next step's once it has stayed unresolved that step's {@code afterHours} since it was raised
     * (contract 1.1).
     */
    public record EscalationPath(EscalationCause cause, List<EscalationStep> steps) {}

    /**
     * @param afterHours hours unresolved since the escalation was raised (fractional allowed; 0 for the first)
     * @param assignTo {@code pm}, {@code responsibleAttorney}, {@code teamLead}, or a user id
     */
    public record EscalationStep(BigDecimal afterHours, String assignTo) {}

    /** The share (0..1) of the budget that goes to one UTBMS phase code. */
    public record BudgetPhase(String code, BigDecimal share) {}

    /**
     * Escalation thresholds and cadences that matter-service and kpi-service apply. The budget levels are
     * percent of a budget consumed (80 warns, 100 escalates by default), so a PM hears of drift before the
     * overrun.
     */
    public record Thresholds(
            BigDecimal budgetWarningPct,
            BigDecimal budgetEscalationPct,
            int slipGraceDays,
            int statusUpdateCadenceDays,
            int billingTimelinessHours,
            BigDecimal handoffWaitHours,
            Integer deadlineWarningDays) {

        /** What a version published before contract 1.1 gets: a day's wait, a week's warning. */
        public static final BigDecimal DEFAULT_HANDOFF_WAIT_HOURS = BigDecimal.valueOf(24);

        public static final int DEFAULT_DEADLINE_WARNING_DAYS = 7;

        public Thresholds {
            handoffWaitHours = handoffWaitHours == null ? DEFAULT_HANDOFF_WAIT_HOURS : handoffWaitHours;
            deadlineWarningDays = deadlineWarningDays == null ? DEFAULT_DEADLINE_WARNING_DAYS : deadlineWarningDays;
        }
    }
}
