package io.lanes.matter.api;

import io.lanes.contracts.intake.IntakeComplete;
import io.lanes.contracts.intake.IntakeComplete.Client;
import io.lanes.matter.domain.Escalation;
import io.lanes.matter.domain.Matter;
import io.lanes.matter.domain.MatterStatus;
import io.lanes.matter.domain.Milestone;
import io.lanes.matter.domain.PhaseBudget;
import io.lanes.matter.domain.Task;
import io.lanes.matter.service.MatterService.Context;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Matter", description = "A live matter: plan, owners, budget against actuals, open escalations")
public record MatterView(
        UUID id,

        @Schema(description = "The matter's number, given at acceptance, e.g. 2026-00042")
        String matterNumber,

        @Schema(description = "The matter's ids in other systems, by system, e.g. {\"billing\": \"10042-007\"}")
        Map<String, String> externalIds,

        UUID intakeId,
        MatterStatus status,
        String matterName,
        Client client,
        String matterType,
        String practiceArea,
        String team,
        String responsibleAttorney,
        String acceptedBy,
        LocalDate openedOn,
        LocalDate plannedCloseDate,
        LocalDate closedOn,
        String currency,
        int playbookVersion,
        List<Milestone> milestones,
        List<Task> tasks,
        List<BudgetLine> budget,
        List<Escalation> openEscalations,

        @Schema(description = "The users an ethical screen walls off this matter: it does not exist for them")
        Set<String> screenedUsers,

        @Schema(description = "When the next client status update is due, by the playbook's cadence")
        LocalDate nextStatusUpdateDue,

        @Schema(description = "The matter's version; its ETag")
        long revision) {

    /** Budget against actual for one UTBMS phase, or TOTAL. */
    public record BudgetLine(
            String phase,
            BigDecimal budget,
            BigDecimal actual,
            BigDecimal variancePct,

            @Schema(description = "actual / budget * 100: the playbook's budget thresholds are levels of it")
            BigDecimal consumedPct,

            @Schema(description = "The highest level reported since the budget was last lifted")
            String levelReported,

            @Schema(description = "How many times the PM revised this budget")
            int revisions) {}

    static MatterView of(Context context, long revision) {
        Matter m = context.matter();
        IntakeComplete packet = m.packet();
        return new MatterView(
                m.id(),
                m.number(),
                m.externalIds(),
                packet.intakeId(),
                m.status(),
                packet.matterName(),
                packet.client(),
                packet.matterType(),
                packet.practiceArea(),
                packet.routing().team(),
                packet.routing().responsibleAttorney(),
                m.acceptedBy(),
                m.openedOn(),
                m.plannedCloseDate(),
                m.closedOn(),
                packet.currency(),
                m.playbookVersion(),
                m.milestoneList(),
                m.taskList(),
                m.budgetList().stream().map(MatterView::line).collect(Collectors.toList()),
                m.escalationList().stream().filter(Escalation::open).collect(Collectors.toList()),
                m.screenedUsers(),
                m.status() == MatterStatus.OPEN
                        ? m.nextStatusUpdateDue(context.playbook().thresholds().statusUpdateCadenceDays())
                        : null,
                revision);
    }

    private static BudgetLine line(PhaseBudget b) {
        return new BudgetLine(
                b.phase(),
                b.budget(),
                b.actual(),
                b.variancePct(),
                b.consumedPct(),
                b.reported() == null ? null : b.reported().name(),
                b.revisions());
    }
}
