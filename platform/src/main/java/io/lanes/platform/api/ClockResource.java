package io.lanes.platform.api;

import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemException;
import io.lanes.platform.problem.ProblemType;
import io.lanes.platform.security.Roles;
import io.lanes.platform.time.ClockTravelled;
import io.lanes.platform.time.TravellingClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The service's clock for local demos: where {@code lanes.clock.travel=true} (the local and dev
 * profiles) an admin sets it to another moment, from which it runs on, so a demo goes through months of
 * a firm's life in minutes through the real APIs. Elsewhere (production) every call is 404: the clock is
 * the system's.
 */
@Path("/admin/clock")
@Tag(name = "Clock (development)")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ClockResource {

    /** The clock's reading, and how far it is from the real time (ISO-8601 duration). */
    public record Reading(Instant now, String offset) {}

    /** Where to set the clock. */
    public record Travel(Instant to) {}

    private final Clock clock;
    private final Event<ClockTravelled> travelled;

    public ClockResource(Clock clock, Event<ClockTravelled> travelled) {
        this.clock = clock;
        this.travelled = travelled;
    }

    @GET
    @Operation(summary = "The clock's reading and its offset from the real time (local and dev profiles only)")
    public Reading read() {
        return reading(travelling());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sets the clock to a moment, from which it runs on (local and dev profiles only); events, "
                    + "detection and KPI periods then happen at that time")
    public Reading travel(Travel travel) {
        if (travel == null || travel.to() == null) {
            throw ProblemException.invalid(
                    List.of(new FieldError("to", "must be an instant, e.g. 2026-06-01T09:00:00Z", "required")));
        }
        TravellingClock clock = travelling();
        clock.travelTo(travel.to());
        travelled.fire(new ClockTravelled(travel.to()));
        return reading(clock);
    }

    @DELETE
    @Operation(summary = "Back to the real time (local and dev profiles only)")
    public Reading back() {
        TravellingClock clock = travelling();
        clock.travelBack();
        return reading(clock);
    }

    private TravellingClock travelling() {
        if (clock instanceof TravellingClock travelling) {
            return travelling;
        }
        throw new ProblemException(
                ProblemType.NOT_FOUND,
                "The clock is the system's here: it travels only where lanes.clock.travel=true (the local and dev "
                        + "profiles)");
    }

    private static Reading reading(TravellingClock clock) {
        return new Reading(clock.instant(), clock.offset().toString());
    }
}
