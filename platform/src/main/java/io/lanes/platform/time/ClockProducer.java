package io.lanes.platform.time;

import io.lanes.platform.firm.Firm;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The one source of "now" for every service: inject {@link Clock}, never call {@code Instant.now()},
 * so tests and schedulers can run at any date. It is in the firm's time zone, so
 * {@code LocalDate.now(clock)} is the firm's today (a matter completed at 20:30 in New York is completed
 * that day, not the next UTC one). A test replaces it by producing its own {@code Clock}.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock(Firm firm) {
        return Clock.system(firm.zone());
    }
}
