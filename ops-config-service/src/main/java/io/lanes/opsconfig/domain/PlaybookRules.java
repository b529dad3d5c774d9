package io.lanes.opsconfig.domain;

import io.lanes.contracts.KpiKey;
import io.lanes.contracts.Routing;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.ChecklistItem;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationPath;
import io.lanes.contracts.opsconfig.PlaybookPublished.EscalationStep;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.Thresholds;
import io.lanes.platform.domain.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Whether a playbook can be published as it is. Every broken rule becomes one field-level error
 * naming the path in the request ({@code requiredFields[2].key}), so ops can fix them all at once.
 */
public final class PlaybookRules {

    public static final Pattern MATTER_TYPE = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal SHARE_TOLERANCE = new BigDecimal("0.0001");
    private static final int MAX_TEXT = 200;
    private static final int MAX_ITEMS = 100;

    private final PhaseCodes phaseCodes;

    public PlaybookRules(PhaseCodes phaseCodes) {
        this.phaseCodes = phaseCodes;
    }

    public List<Violation> check(PlaybookContent playbook) {
        List<Violation> errors = new ArrayList<>();
        if (playbook == null) {
            errors.add(new Violation("body", "a playbook is required", "required"));
            return errors;
        }
        text(errors, "practiceArea", playbook.practiceArea());
        if (playbook.routing() == null) {
            errors.add(new Violation("routing", "routing with a team is required", "required"));
        } else {
            text(errors, "routing.team", playbook.routing().team());
            optionalText(
                    errors, "routing.responsibleAttorney", playbook.routing().responsibleAttorney());
            if (playbook.routing().rules() != null) {
                routingRules(
                        errors, list(errors, "routing.rules", playbook.routing().rules()), playbook.requiredFields());
            }
        }
        requiredFields(errors, list(errors, "requiredFields", playbook.requiredFields()));
        checklist(errors, list(errors, "checklist", playbook.checklist()));
        Set<String> phases = phaseCodes.allowedFor(playbook.practiceArea() == null ? "" : playbook.practiceArea());
        milestones(errors, list(errors, "milestones", playbook.milestones()), phases);
        if (playbook.taskTemplates() != null) {
            taskTemplates(errors, list(errors, "taskTemplates", playbook.taskTemplates()), playbook.milestones());
        }
        budgetPhases(errors, list(errors, "budgetPhases", playbook.budgetPhases()), phases);
        thresholds(errors, playbook.thresholds());
        if (playbook.escalationPaths() != null) {
            escalationPaths(errors, list(errors, "escalationPaths", playbook.escalationPaths()));
        }
        kpiTargets(errors, playbook.kpiTargets());
        return errors;
    }

    private static void requiredFields(List<Violation> errors, List<RequiredField> fields) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String path = "requiredFields[" + i + "]";
            RequiredField field = fields.get(i);
            if (field == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            key(errors, path + ".key", field.key(), keys);
            text(errors, path + ".label", field.label());
            if (field.type() == null) {
                errors.add(new Violation(
                        path + ".type", "one of " + List.of(FieldType.values()) + " is required", "required"));
            } else if (field.type() == FieldType.ENUM) {
                if (field.options() == null || field.options().isEmpty()) {
                    errors.add(new Violation(path + ".options", "an ENUM field needs its options", "required"));
                } else if (new HashSet<>(field.options()).size()
                        != field.options().size()) {
                    errors.add(new Violation(path + ".options", "options must be unique", "unique"));
                }
            } else if (field.options() != null && !field.options().isEmpty()) {
                errors.add(new Violation(path + ".options", "only ENUM fields have options", "not-allowed"));
            }
            if (Boolean.TRUE.equals(field.mustBeTrue()) && field.type() != FieldType.BOOLEAN) {
                errors.add(new Violation(path + ".mustBeTrue", "only a BOOLEAN field can be a gate", "not-allowed"));
            }
            if (field.milestoneName() != null) {
                if (field.type() != FieldType.DATE) {
                    errors.add(new Violation(
                            path + ".milestoneName", "only a DATE field can become a milestone", "not-allowed"));
                } else {
                    text(errors, path + ".milestoneName", field.milestoneName());
                }
            }
        }
    }

    private static void routingRules(List<Violation> errors, List<Routing.Rule> rules, List<RequiredField> fields) {
        Set<String> keys = new TreeSet<>();
        if (fields != null) {
            fields.stream().filter(f -> f != null && f.key() != null).forEach(f -> keys.add(f.key()));
        }
        for (int i = 0; i < rules.size(); i++) {
            String path = "routing.rules[" + i + "]";
            Routing.Rule rule = rules.get(i);
            if (rule == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            if (rule.field() == null || !keys.contains(rule.field())) {
                errors.add(new Violation(
                        path + ".field", "must name a required field of this playbook " + keys, "reference"));
            }
            if (rule.value() == null) {
                errors.add(new Violation(path + ".equals", "the value that routes the matter is required", "required"));
            }
            text(errors, path + ".team", rule.team());
            optionalText(errors, path + ".responsibleAttorney", rule.responsibleAttorney());
        }
    }

    private static void checklist(List<Violation> errors, List<ChecklistItem> items) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String path = "checklist[" + i + "]";
            ChecklistItem item = items.get(i);
            if (item == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            key(errors, path + ".key", item.key(), keys);
            text(errors, path + ".label", item.label());
        }
    }

    private static void milestones(List<Violation> errors, List<MilestoneTemplate> milestones, Set<String> phases) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < milestones.size(); i++) {
            String path = "milestones[" + i + "]";
            MilestoneTemplate milestone = milestones.get(i);
            if (milestone == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            key(errors, path + ".templateKey", milestone.templateKey(), keys);
            text(errors, path + ".name", milestone.name());
            text(errors, path + ".owner", milestone.owner());
            if (milestone.offsetDays() < 0) {
                errors.add(new Violation(path + ".offsetDays", "must be 0 or more business days", "min"));
            }
            phase(errors, path + ".phase", milestone.phase(), phases);
        }
    }

    private static void taskTemplates(
            List<Violation> errors, List<TaskTemplate> tasks, List<MilestoneTemplate> milestones) {
        Set<String> milestoneKeys = new HashSet<>();
        if (milestones != null) {
            milestones.stream()
                    .filter(m -> m != null && m.templateKey() != null)
                    .forEach(m -> milestoneKeys.add(m.templateKey()));
        }
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < tasks.size(); i++) {
            String path = "taskTemplates[" + i + "]";
            TaskTemplate task = tasks.get(i);
            if (task == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            key(errors, path + ".templateKey", task.templateKey(), keys);
            text(errors, path + ".title", task.title());
            text(errors, path + ".assigneeRole", task.assigneeRole());
            if (task.offsetDays() < 0) {
                errors.add(new Violation(path + ".offsetDays", "must be 0 or more business days", "min"));
            }
            if (task.milestoneTemplateKey() != null && !milestoneKeys.contains(task.milestoneTemplateKey())) {
                errors.add(new Violation(
                        path + ".milestoneTemplateKey",
                        "must name a milestone template of this playbook " + new TreeSet<>(milestoneKeys),
                        "reference"));
            }
        }
    }

    /** One path per cause; its first step answers at once (afterHours 0), each later one strictly later. */
    private static void escalationPaths(List<Violation> errors, List<EscalationPath> paths) {
        Set<EscalationCause> causes = new HashSet<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = "escalationPaths[" + i + "]";
            EscalationPath escalationPath = paths.get(i);
            if (escalationPath == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            if (escalationPath.cause() == null) {
                errors.add(new Violation(
                        path + ".cause", "one of " + List.of(EscalationCause.values()) + " is required", "required"));
            } else if (!causes.add(escalationPath.cause())) {
                errors.add(new Violation(path + ".cause", escalationPath.cause() + " has a path already", "unique"));
            }
            List<EscalationStep> steps = list(errors, path + ".steps", escalationPath.steps());
            if (escalationPath.steps() != null && escalationPath.steps().isEmpty()) {
                errors.add(new Violation(path + ".steps", "a path has at least its first assignee", "required"));
            }
            BigDecimal previous = null;
            for (int s = 0; s < steps.size(); s++) {
                String stepPath = path + ".steps[" + s + "]";
                EscalationStep step = steps.get(s);
                if (step == null) {
                    errors.add(new Violation(stepPath, "must not be null", "required"));
                    continue;
                }
                text(errors, stepPath + ".assignTo", step.assignTo());
                BigDecimal after = step.afterHours();
                if (after == null || (s == 0 && after.signum() != 0)) {
                    errors.add(new Violation(
                            stepPath + ".afterHours", "the first step answers at once: afterHours 0", "first-step"));
                } else if (s > 0 && previous != null && after.compareTo(previous) <= 0) {
                    errors.add(new Violation(stepPath + ".afterHours", "must be later than the step before", "order"));
                }
                previous = after;
            }
        }
    }

    private static void budgetPhases(List<Violation> errors, List<BudgetPhase> budgetPhases, Set<String> phases) {
        Set<String> codes = new HashSet<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < budgetPhases.size(); i++) {
            String path = "budgetPhases[" + i + "]";
            BudgetPhase phase = budgetPhases.get(i);
            if (phase == null) {
                errors.add(new Violation(path, "must not be null", "required"));
                continue;
            }
            phase(errors, path + ".code", phase.code(), phases);
            if (phase.code() != null && !codes.add(phase.code())) {
                errors.add(new Violation(path + ".code", "phase " + phase.code() + " appears twice", "unique"));
            }
            if (phase.share() == null
                    || phase.share().signum() < 0
                    || phase.share().compareTo(ONE) > 0) {
                errors.add(new Violation(path + ".share", "must be a fraction from 0 to 1", "range"));
            } else {
                total = total.add(phase.share());
            }
        }
        if (!budgetPhases.isEmpty() && total.subtract(ONE).abs().compareTo(SHARE_TOLERANCE) > 0) {
            errors.add(new Violation(
                    "budgetPhases",
                    "shares must sum to 1.0 (they sum to "
                            + total.stripTrailingZeros().toPlainString() + ")",
                    "sum"));
        }
    }

    private static void thresholds(List<Violation> errors, Thresholds thresholds) {
        if (thresholds == null) {
            errors.add(new Violation("thresholds", "thresholds are required", "required"));
            return;
        }
        BigDecimal warning = thresholds.budgetWarningPct();
        BigDecimal escalation = thresholds.budgetEscalationPct();
        if (warning == null || warning.signum() <= 0) {
            errors.add(new Violation(
                    "thresholds.budgetWarningPct", "must be a percent of the budget consumed greater than 0", "min"));
        }
        if (escalation == null || (warning != null && escalation.compareTo(warning) <= 0)) {
            errors.add(
                    new Violation("thresholds.budgetEscalationPct", "must be greater than budgetWarningPct", "order"));
        }
        if (thresholds.handoffWaitHours().signum() <= 0) {
            errors.add(new Violation("thresholds.handoffWaitHours", "must be greater than 0", "min"));
        }
        if (thresholds.deadlineWarningDays() < 0) {
            errors.add(new Violation("thresholds.deadlineWarningDays", "must be 0 or more", "min"));
        }
        if (thresholds.slipGraceDays() < 0) {
            errors.add(new Violation("thresholds.slipGraceDays", "must be 0 or more", "min"));
        }
        if (thresholds.statusUpdateCadenceDays() < 1) {
            errors.add(new Violation("thresholds.statusUpdateCadenceDays", "must be 1 or more", "min"));
        }
        if (thresholds.billingTimelinessHours() < 1) {
            errors.add(new Violation("thresholds.billingTimelinessHours", "must be 1 or more", "min"));
        }
    }

    private static void kpiTargets(List<Violation> errors, Map<String, BigDecimal> targets) {
        if (targets == null) {
            return;
        }
        Set<String> known = new TreeSet<>();
        for (KpiKey key : KpiKey.values()) {
            known.add(key.key());
        }
        targets.forEach((key, value) -> {
            if (KpiKey.fromKey(key).isEmpty()) {
                errors.add(new Violation("kpiTargets." + key, "not a KPI; known KPIs: " + known, "unknown-kpi"));
            } else if (value == null) {
                errors.add(new Violation("kpiTargets." + key, "a target value is required", "required"));
            }
        });
    }

    private static <T> List<T> list(List<Violation> errors, String path, List<T> items) {
        if (items == null) {
            errors.add(new Violation(path, "is required (may be empty)", "required"));
            return List.of();
        }
        if (items.size() > MAX_ITEMS) {
            errors.add(new Violation(path, "at most " + MAX_ITEMS + " items", "size"));
            return List.of();
        }
        return items;
    }

    private static void key(List<Violation> errors, String path, String key, Set<String> seen) {
        if (key == null || !KEY.matcher(key).matches()) {
            errors.add(new Violation(
                    path, "must be a key of letters, digits, '-' or '_' starting with a letter", "pattern"));
        } else if (!seen.add(key)) {
            errors.add(new Violation(path, "key " + key + " is used twice", "unique"));
        }
    }

    private static void phase(List<Violation> errors, String path, String code, Set<String> allowed) {
        if (code == null || !allowed.contains(code)) {
            errors.add(new Violation(
                    path, "must be a UTBMS phase of this practice area: " + new TreeSet<>(allowed), "phase-code"));
        }
    }

    private static void text(List<Violation> errors, String path, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new Violation(path, "must not be blank", "required"));
        } else {
            optionalText(errors, path, value);
        }
    }

    private static void optionalText(List<Violation> errors, String path, String value) {
        if (value != null && value.length() > MAX_TEXT) {
            errors.add(new Violation(path, "at most " + MAX_TEXT + " characters", "size"));
        }
    }
}
