package io.lanes.matter.domain;

import static io.lanes.matter.domain.MatterRules.derivedId;

import io.lanes.contracts.matter.DeadlineMissed;
import io.lanes.contracts.matter.EscalationCause;
import io.lanes.contracts.matter.MilestoneSlipped;
import io.lanes.contracts.matter.Severity;
import io.lanes.matter.domain.MatterCommand.Detect;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the scheduled detection finds on a matter on a given day: on an open one, milestones past their
 * due date and grace (once per due date, so a replan re-arms it), hard deadlines passed incomplete or
 * drawing near, and a status update overdue under the playbook's cadence (once per due date); on a
 * pending handoff, that it waited too long; on both, escalations due to go up their path.
 */
final class DetectionRules {

    private DetectionRules() {}

    static List<Object> detect(Detect detect, Matter matter) {
        if (matter.status() == MatterStatus.PENDING) {
            List<Object> events = new ArrayList<>(EscalationRules.reassignments(detect, matter));
            events.addAll(EscalationRules.handoffWaiting(detect, matter));
            return events;
        }
        if (matter.status() != MatterStatus.OPEN) {
            return List.of();
        }
        List<Object> events = new ArrayList<>(EscalationRules.reassignments(detect, matter));
        LocalDate today = detect.today();
        for (Milestone m : matter.milestones().values()) {
            if (!m.completed()) {
                events.addAll(milestoneFindings(detect, matter, m));
            }
        }
        LocalDate updateDue = matter.nextStatusUpdateDue(detect.thresholds().statusUpdateCadenceDays());
        if (updateDue != null && today.isAfter(updateDue) && !updateDue.equals(matter.overdueReportedFor())) {
            events.add(EscalationRules.raise(
                    matter,
                    derivedId(matter.id(), "status-update:" + updateDue),
                    EscalationCause.STATUS_UPDATE_OVERDUE,
                    Severity.WARNING,
                    updateDue.toString(),
                    detect.routes(),
                    detect.at()));
        }
        return events;
    }

    private static List<Object> milestoneFindings(Detect detect, Matter matter, Milestone m) {
        List<Object> events = new ArrayList<>();
        LocalDate today = detect.today();
        LocalDate slipsAfter = m.dueDate().plusDays(detect.thresholds().slipGraceDays());
        if (today.isAfter(slipsAfter) && !m.dueDate().equals(m.slipReportedFor())) {
            UUID escalationId = derivedId(matter.id(), "slip:" + m.id() + ":" + m.dueDate());
            events.add(new MilestoneSlipped(
                    matter.id(),
                    m.id(),
                    m.templateKey(),
                    m.name(),
                    m.dueDate(),
                    today,
                    (int) ChronoUnit.DAYS.between(m.dueDate(), today),
                    m.owner(),
                    m.phase(),
                    m.hardDeadline(),
                    escalationId,
                    detect.at()));
            events.add(EscalationRules.raise(
                    matter,
                    escalationId,
                    EscalationCause.MILESTONE_SLIPPED,
                    m.hardDeadline() ? Severity.CRITICAL : Severity.WARNING,
                    m.id().toString(),
                    detect.routes(),
                    detect.at()));
        }
        events.addAll(EscalationRules.deadlineApproaching(detect, matter, m));
        if (m.hardDeadline() && today.isAfter(m.dueDate()) && !m.dueDate().equals(m.deadlineMissedFor())) {
            events.add(new DeadlineMissed(matter.id(), m.id(), m.name(), m.dueDate(), detect.at()));
        }
        return events;
    }
}
