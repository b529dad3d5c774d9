package io.lanes.matter.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * Something on a matter that needs a person: an open escalation or task (its assignee), an open
 * milestone (the PM who accepted the matter), a pending handoff (its team's PMs).
 *
 * @param itemId the escalation, task or milestone id; the matter id for a handoff
 * @param assignee who must act; null for a handoff, which any PM of the team may take
 * @param dueDate when it is due (a handoff: the date the intake was received; an escalation: raised)
 * @param flagged already reported late: a slipped milestone or a missed hard deadline
 */
public record WorkItem(
        UUID matterId,
        String itemId,
        WorkKind kind,
        String assignee,
        String title,
        LocalDate dueDate,
        boolean flagged) {

    public enum WorkKind {
        ESCALATION,
        TASK,
        MILESTONE,
        HANDOFF
    }
}
