package io.lanes.matter.domain;

import io.lanes.matter.domain.WorkItem.WorkKind;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * What a matter asks of people now, from its state: the rows of the PM work queue. A handoff and an
 * escalation are dated by the firm's day on which they arrived (its zone, as every date Lanes decides).
 */
public final class MatterWork {

    private MatterWork() {}

    public static List<WorkItem> of(Matter matter, ZoneId firmZone) {
        List<WorkItem> work = new ArrayList<>();
        if (matter.status() == MatterStatus.PENDING) {
            work.add(new WorkItem(
                    matter.id(),
                    matter.id().toString(),
                    WorkKind.HANDOFF,
                    null,
                    "Accept or reject the handoff of " + matter.packet().matterName(),
                    LocalDate.ofInstant(matter.packet().receivedAt(), firmZone),
                    false));
        }
        if (matter.status() != MatterStatus.OPEN) {
            return work;
        }
        for (Escalation e : matter.escalationList()) {
            if (e.open()) {
                work.add(new WorkItem(
                        matter.id(),
                        e.id().toString(),
                        WorkKind.ESCALATION,
                        e.assignedTo(),
                        e.severity() + " " + e.cause() + (e.relatedId() == null ? "" : " (" + e.relatedId() + ")"),
                        LocalDate.ofInstant(e.raisedAt(), firmZone),
                        false));
            }
        }
        for (Task t : matter.taskList()) {
            if (t.completedOn() == null) {
                work.add(new WorkItem(
                        matter.id(), t.id().toString(), WorkKind.TASK, t.assignee(), t.title(), t.dueDate(), false));
            }
        }
        for (Milestone m : matter.milestoneList()) {
            if (!m.completed()) {
                work.add(new WorkItem(
                        matter.id(),
                        m.id().toString(),
                        WorkKind.MILESTONE,
                        matter.acceptedBy(),
                        m.name(),
                        m.dueDate(),
                        m.slipReportedFor() != null || m.deadlineMissedFor() != null));
            }
        }
        return work;
    }
}
