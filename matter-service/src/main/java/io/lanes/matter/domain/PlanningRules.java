package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import com.fasterxml.jackson.databind.JsonNode;
import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.matter.PlannedTask;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.FieldType;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.contracts.opsconfig.PlaybookPublished.RequiredField;
import io.lanes.contracts.opsconfig.PlaybookPublished.TaskTemplate;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an accepted handoff becomes a plan: milestones and tasks from the playbook's templates on business
 * days (with the PM's due-date, owner and assignee overrides), hard-deadline milestones from the
 * playbook's DATE fields that name one and from the packet's key dates, and the budget split by UTBMS
 * phase share to the cent.
 */
final class PlanningRules {

    /** Task template roles that name a person of the matter rather than a role. */
    static final String PM_ROLE = "pm";

    static final String RESPONSIBLE_ATTORNEY_ROLE = "responsibleAttorney";

    private PlanningRules() {}

    static HandoffAccepted accept(AcceptHandoff accept, Matter matter) {
        IntakeComplete packet = matter.packet();
        PlaybookPublished playbook = accept.playbook();
        List<PlannedMilestone> milestones = new ArrayList<>();
        Set<String> overrides = new TreeSet<>();
        for (MilestoneTemplate template : playbook.milestones()) {
            LocalDate planned = accept.calendar().plusBusinessDays(accept.acceptedOn(), template.offsetDays());
            LocalDate due = accept.dueDateOverrides().getOrDefault(template.templateKey(), planned);
            String owner = accept.ownerOverrides().getOrDefault(template.templateKey(), template.owner());
            if (!due.equals(planned) || !owner.equals(template.owner())) {
                overrides.add("milestone:" + template.templateKey());
            }
            milestones.add(new PlannedMilestone(
                    derivedId(matter.id(), "milestone:" + template.templateKey()),
                    template.templateKey(),
                    template.name(),
                    due,
                    owner,
                    template.phase(),
                    template.hardDeadline()));
        }
        String firstPhase = playbook.budgetPhases().isEmpty()
                ? "L100"
                : playbook.budgetPhases().get(0).code();
        Set<String> deadlineNames = new TreeSet<>();
        for (RequiredField field : playbook.requiredFields()) {
            LocalDate date = deadlineOf(field, packet.fields().get(field.key()));
            if (date != null) {
                deadlineNames.add(field.milestoneName());
                milestones.add(new PlannedMilestone(
                        derivedId(matter.id(), "field:" + field.key()),
                        null,
                        field.milestoneName(),
                        date,
                        accept.acceptedBy(),
                        firstPhase,
                        true));
            }
        }
        for (KeyDate keyDate : packet.keyDates()) {
            if (deadlineNames.contains(keyDate.name())) {
                continue; // the playbook's field already made this deadline a milestone
            }
            milestones.add(new PlannedMilestone(
                    derivedId(matter.id(), "key-date:" + keyDate.name()),
                    null,
                    keyDate.name(),
                    keyDate.date(),
                    accept.acceptedBy(),
                    firstPhase,
                    keyDate.hardDeadline()));
        }
        milestones.sort(Comparator.comparing(PlannedMilestone::dueDate));
        String responsible = packet.routing().responsibleAttorney() != null
                ? packet.routing().responsibleAttorney()
                : accept.acceptedBy();
        List<PlannedTask> tasks = tasks(accept, matter, responsible, overrides);
        BigDecimal estimate = packet.estimatedBudget() != null ? packet.estimatedBudget() : BigDecimal.ZERO;
        BigDecimal total = accept.budgetOverride() != null ? accept.budgetOverride() : estimate;
        if (total.compareTo(estimate) != 0) {
            overrides.add("budget");
        }
        List<PhaseAmount> phases = split(total, playbook.budgetPhases());
        LocalDate plannedClose = milestones.isEmpty()
                ? accept.acceptedOn()
                : milestones.get(milestones.size() - 1).dueDate();
        boolean checklistComplete = playbook.checklist().stream()
                .allMatch(item ->
                        packet.checklist().stream().anyMatch(e -> e.key().equals(item.key()) && e.done()));
        return new HandoffAccepted(
                matter.id(),
                accept.matterNumber(),
                packet.intakeId(),
                packet.receivedAt(),
                accept.acceptedBy(),
                packet.practiceArea(),
                packet.matterType(),
                packet.routing().team(),
                responsible,
                playbook.version(),
                checklistComplete,
                packet.currency(),
                new Budget(total, phases),
                milestones,
                tasks,
                plannedClose,
                List.copyOf(overrides),
                accept.at());
    }

    /** The date of a playbook DATE field that names a milestone, or null (not such a field, or not a date). */
    private static LocalDate deadlineOf(RequiredField field, JsonNode value) {
        if (field.type() != FieldType.DATE || field.milestoneName() == null || value == null || !value.isTextual()) {
            return null;
        }
        try {
            return LocalDate.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null; // intake validates DATE fields; a packet from before that check plans no milestone
        }
    }

    /**
     * The playbook's task templates as tasks, on business days from acceptance, given to the accepting PM
     * ({@code pm}), the responsible attorney ({@code responsibleAttorney}) or the role or user as written;
     * a due date or assignee the PM changed is a {@code task:<templateKey>} override.
     */
    private static List<PlannedTask> tasks(
            AcceptHandoff accept, Matter matter, String responsible, Set<String> overrides) {
        List<PlannedTask> tasks = new ArrayList<>();
        for (TaskTemplate template : accept.playbook().taskTemplates()) {
            LocalDate planned = accept.calendar().plusBusinessDays(accept.acceptedOn(), template.offsetDays());
            LocalDate due = accept.taskDueDateOverrides().getOrDefault(template.templateKey(), planned);
            String role = template.assigneeRole();
            String proposed = PM_ROLE.equals(role)
                    ? accept.acceptedBy()
                    : RESPONSIBLE_ATTORNEY_ROLE.equals(role) ? responsible : role;
            String assignee = accept.taskAssigneeOverrides().getOrDefault(template.templateKey(), proposed);
            if (!due.equals(planned) || !assignee.equals(proposed)) {
                overrides.add("task:" + template.templateKey());
            }
            tasks.add(new PlannedTask(
                    derivedId(matter.id(), "task:" + template.templateKey()),
                    template.templateKey(),
                    template.milestoneTemplateKey() == null
                            ? null
                            : derivedId(matter.id(), "milestone:" + template.milestoneTemplateKey()),
                    template.title(),
                    assignee,
                    due));
        }
        return tasks;
    }

    /** Splits the total by phase shares to the cent; the last phase takes the rounding remainder. */
    static List<PhaseAmount> split(BigDecimal total, List<BudgetPhase> shares) {
        List<PhaseAmount> phases = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (int i = 0; i < shares.size(); i++) {
            BigDecimal amount = i == shares.size() - 1
                    ? total.subtract(allocated)
                    : total.multiply(shares.get(i).share()).setScale(2, RoundingMode.HALF_UP);
            allocated = allocated.add(amount);
            phases.add(new PhaseAmount(shares.get(i).code(), amount.setScale(2, RoundingMode.HALF_UP)));
        }
        return phases;
    }
}
