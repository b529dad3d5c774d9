package io.lanes.kpi.facts;

import java.time.Instant;
import java.util.UUID;

/**
 * What the scorecard filters and breakdowns need to know about a matter, from its intake packet,
 * handoff or acceptance (whichever arrived; the acceptance wins, then the latest packet).
 */
public record MatterProfile(
        UUID matterId,
        String practiceArea,
        String matterType,
        String team,
        String responsibleAttorney,
        Integer playbookVersion,
        Instant openedAt,
        Instant closedAt) {

    MatterProfile withClosedAt(Instant closed) {
        return new MatterProfile(
                matterId, practiceArea, matterType, team, responsibleAttorney, playbookVersion, openedAt, closed);
    }

    /** Open at some time in {@code [from, to)}: accepted before {@code to} and not closed before {@code from}. */
    public boolean openDuring(Instant from, Instant to) {
        return openedAt != null && openedAt.isBefore(to) && (closedAt == null || !closedAt.isBefore(from));
    }
}
