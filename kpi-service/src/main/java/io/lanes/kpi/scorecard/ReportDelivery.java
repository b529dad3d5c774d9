package io.lanes.kpi.scorecard;

import java.time.Duration;
import java.time.Instant;

/** One scheduled weekly snapshot and when (if ever) it was produced. */
public record ReportDelivery(Instant scheduledFor, Instant producedAt) {

    static final Duration ON_TIME_WINDOW = Duration.ofHours(1);

    public boolean onTime() {
        return producedAt != null && !producedAt.isAfter(scheduledFor.plus(ON_TIME_WINDOW));
    }

    /** Whether the delivery can still be judged as pending at {@code now} (its hour has not passed). */
    public boolean pendingAt(Instant now) {
        return producedAt == null && now.isBefore(scheduledFor.plus(ON_TIME_WINDOW));
    }
}
