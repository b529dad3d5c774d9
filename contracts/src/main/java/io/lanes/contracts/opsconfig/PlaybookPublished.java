package io.lanes.contracts.opsconfig;

import io.lanes.contracts.Routing;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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
        Map<String, BigDecimal> kpiTargets,
        Instant occurredAt)
        implements OpsConfigEvent {

    /** A version published before contract 1.1 has no task templates. */
    public PlaybookPublished {
        taskTemplates = taskTemplates == null ? List.of() : List.copyOf(taskTemplates);
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
            int billingTimelinessHours) {}
}
