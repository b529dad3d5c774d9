package io.lanes.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock, moved to another moment while time goes on from there: a test can act at 20:30 in
 * New York whenever it runs, and a local demo can live through months of a firm's history
 * ({@code POST /admin/clock}, where {@code lanes.clock.travel=true}). A test that travels goes back when
 * it is done, so the tests after it see the real time.
 */
public final class TravellingClock extends Clock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    public TravellingClock(ZoneId zone) {
        this.zone = zone;
    }

    /** From now on the clock reads {@code moment}, then goes on from it. */
    public void travelTo(Instant moment) {
        offset = Duration.between(Instant.now(), moment);
    }

    /** How far from the real time it reads now. */
    public Duration offset() {
        return offset;
    }

    /** Back to the real time. */
    public void travelBack() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A clock in {@code zone} that travels with this one. */
    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new ZoneShifted(this, zone);
    }

    /** This clock read in another zone (e.g. kpi-service's {@code clock.withZone(firm.zone())}). */
    private static final class ZoneShifted extends Clock {

        private final TravellingClock clock;
        private final ZoneId zone;

        ZoneShifted(TravellingClock clock, ZoneId zone) {
            this.clock = clock;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return clock.instant();
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return clock.withZone(other);
        }
    }
}
