package io.lanes.platform.time;

import java.time.Instant;

/**
 * An admin set the service's travelling clock to {@code to} (POST /admin/clock; local and dev profiles
 * only). A CDI event, observed synchronously before the call answers: what keeps a schedule by the clock
 * (kpi-service's weekly snapshots) learns of a jump back at once, not at its next scheduled check, which
 * a demo moving the clock quickly could pass.
 */
public record ClockTravelled(Instant to) {}
