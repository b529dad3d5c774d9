package io.lanes.opsconfig.domain;

import io.lanes.contracts.Routing;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What legal operations decides for one matter type: the fields of {@code playbook-published}
 * without version, publisher and time. A draft holds one; publishing freezes it as a version.
 */
@Schema(
        description = "The body of a playbook: required intake fields, handoff checklist, routing, milestone "
                + "and task templates, budget split by UTBMS phase, escalation thresholds and KPI targets")
public record PlaybookContent(
        @Schema(example = "litigation") String practiceArea,
        List<RequiredField> requiredFields,
        List<ChecklistItem> checklist,
        Routing routing,
        List<MilestoneTemplate> milestones,

        @Schema(description = "Tasks every matter of the type gets at acceptance (optional)")
        List<TaskTemplate> taskTemplates,

        List<BudgetPhase> budgetPhases,
        Thresholds thresholds,

        @Schema(
                description = "Who answers each cause of escalation, and who next when it stays unresolved "
                        + "(optional; without a path an escalation goes to the accepting PM)")
        List<EscalationPath> escalationPaths,

        Map<String, BigDecimal> kpiTargets) {

    public PlaybookPublished publish(String matterType, int version, String publishedBy, Instant at) {
        return new PlaybookPublished(
                matterType,
                version,
                practiceArea,
                publishedBy,
                requiredFields,
                checklist,
                routing,
                milestones,
                taskTemplates,
                budgetPhases,
                thresholds,
                escalationPaths,
                kpiTargets,
                at);
    }

    public static PlaybookContent of(PlaybookPublished published) {
        return new PlaybookContent(
                published.practiceArea(),
                published.requiredFields(),
                published.checklist(),
                published.routing(),
                published.milestones(),
                published.taskTemplates(),
                published.budgetPhases(),
                published.thresholds(),
                published.escalationPaths(),
                published.kpiTargets());
    }
}
