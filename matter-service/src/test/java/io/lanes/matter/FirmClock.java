package io.lanes.matter;

import io.lanes.platform.firm.Firm;
import io.lanes.platform.time.TravellingClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** matter-service's tests run on a clock in the firm's zone that a test may move (see {@link TravellingClock}). */
@ApplicationScoped
class FirmClock {

    @Produces
    @Singleton
    TravellingClock clock(Firm firm) {
        return new TravellingClock(firm.zone());
    }
}
