package io.lanes.kpi.rebuild;

import java.time.Instant;

/** Where the last or running rebuild is. */
public record RebuildStatus(
        State state,
        Instant startedAt,
        Instant finishedAt,
        long recordsRead,
        long skippedPoison,
        Double eventsPerSecond,
        String error) {

    public enum State {
        NEVER_RUN,
        RUNNING,
        SWAPPED,
        FAILED
    }

    static final RebuildStatus NEVER = new RebuildStatus(State.NEVER_RUN, null, null, 0, 0, null, null);
}
