package io.lanes.platform.time;

import io.lanes.platform.firm.Firm;
import io.quarkus.arc.DefaultBean;
import io.smallrye.config.SmallRyeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * The one source of "now" for every service: inject {@link Clock}, never call {@code Instant.now()},
 * so tests and schedulers can run at any date. It is in the firm's time zone, so
 * {@code LocalDate.now(clock)} is the firm's today (a matter completed at 20:30 in New York is completed
 * that day, not the next UTC one). With {@code lanes.clock.travel=true} (the local and dev profiles) it
 * is a {@link TravellingClock} that {@code POST /admin/clock} moves; the prod profile refuses that
 * setting. A test replaces it by producing its own {@code Clock}.
 */
@ApplicationScoped
public class ClockProducer {

    static final String TRAVEL = "lanes.clock.travel";

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(Firm firm, Config config) {
        return clock(
                firm.zone(),
                config.getOptionalValue(TRAVEL, Boolean.class).orElse(false),
                config.unwrap(SmallRyeConfig.class).getProfiles());
    }

    static Clock clock(ZoneId zone, boolean travel, List<String> profiles) {
        if (!travel) {
            return Clock.system(zone);
        }
        if (profiles.contains("prod")) {
            throw new IllegalStateException("Refusing to start in the prod profile with " + TRAVEL
                    + "=true (LANES_CLOCK_TRAVEL): a clock anyone with the admin role can move is for local "
                    + "demos and development only.");
        }
        return new TravellingClock(zone);
    }
}
