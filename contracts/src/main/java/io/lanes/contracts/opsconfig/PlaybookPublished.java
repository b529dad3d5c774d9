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
        List<BudgetPhase> budgetPhases,
        Thresholds thresholds,
        Map<String, BigDecimal> kpiTargets,
        Instant occurredAt)
        implements OpsConfigEvent {

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
     */
    public record RequiredField(String key, String label, FieldType type, List<String> options, Boolean mustBeTrue) {}

    /** A handoff checklist item that intake must tick. */
    public record ChecklistItem(String key, String label) {}

    /** A milestone every matter of the type gets, due {@code offsetDays} business days after opening. */
    public record MilestoneTemplate(
            String templateKey, String name, int offsetDays, String owner, String phase, boolean hardDeadline) {}

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
