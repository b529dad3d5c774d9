package io.lanes.subscription.service;

import io.lanes.contracts.IncomingEvent;
import io.lanes.contracts.matter.HandoffAccepted;
import io.lanes.contracts.matter.MatterClosed;
import io.lanes.contracts.matter.MilestoneCompleted;
import io.lanes.contracts.matter.MilestonePlanned;
import io.lanes.contracts.matter.MilestoneReplanned;
import io.lanes.contracts.matter.PlannedMilestone;
import io.lanes.subscription.persistence.CalendarRecords;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Keeps the milestones the calendar feeds show, from the matter stream, in the consumer's transaction. */
@ApplicationScoped
public class MilestoneSchedule {

    private final CalendarRecords calendars;

    public MilestoneSchedule(CalendarRecords calendars) {
        this.calendars = calendars;
    }

    public Uni<Void> observe(IncomingEvent incoming) {
        if (incoming.event() instanceof HandoffAccepted accepted) {
            Uni<Void> chain = calendars.matterOpened(
                    accepted.matterId(),
                    accepted.matterNumber(),
                    accepted.team(),
                    accepted.acceptedBy(),
                    accepted.responsibleAttorney());
            for (PlannedMilestone m : accepted.milestones()) {
                chain = chain.chain(() -> calendars.milestonePlanned(
                        accepted.matterId(), m.milestoneId(), m.name(), m.dueDate(), m.owner(), m.hardDeadline()));
            }
            return chain;
        }
        if (incoming.event() instanceof MilestonePlanned planned) {
            return calendars.milestonePlanned(
                    planned.matterId(),
                    planned.milestoneId(),
                    planned.name(),
                    planned.dueDate(),
                    planned.owner(),
                    planned.hardDeadline());
        }
        if (incoming.event() instanceof MilestoneReplanned replanned) {
            return calendars.milestoneReplanned(replanned.milestoneId(), replanned.dueDate());
        }
        if (incoming.event() instanceof MilestoneCompleted completed) {
            return calendars.milestoneCompleted(completed.milestoneId(), completed.completedOn());
        }
        if (incoming.event() instanceof MatterClosed closed) {
            return calendars.matterClosed(closed.matterId());
        }
        return Uni.createFrom().voidItem();
    }
}
