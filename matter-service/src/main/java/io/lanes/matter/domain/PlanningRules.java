package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.KeyDate;
import io.lanes.contracts.matter.Budget;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.PhaseAmount;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.contracts.opsconfig.PlaybookPublished;
import io.lanes.contracts.opsconfig.PlaybookPublished.BudgetPhase;
import io.lanes.contracts.opsconfig.PlaybookPublished.MilestoneTemplate;
import io.lanes.matter.domain.MatterCommand.AcceptHandoff;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * How an accepted handoff becomes a plan: milestones from the playbook's templates on business days
 * (with the PM's due-date and owner overrides) plus the packet's key dates, and the budget split by
 * UTBMS phase share to the cent.
 */
final class PlanningRules {

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
        for (KeyDate keyDate : packet.keyDates()) {
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
        String responsible = packet.routing().responsibleAttorney() != null
                ? packet.routing().responsibleAttorney()
                : accept.acceptedBy();
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
                plannedClose,
                List.copyOf(overrides),
                accept.at());
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
