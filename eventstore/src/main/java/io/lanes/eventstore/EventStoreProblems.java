package io.lanes.eventstore;

import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemResponses;
import io.lanes.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The event store's refusals as problem+json, for every service that appends in a request. */
public class EventStoreProblems {

    /** A lost race to append answers 409, naming the rule, so a client reloads and tries again. */
    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.CONFLICT,
                e.getMessage() + "; reload and retry",
                path(uri),
                List.of(),
                Map.of("rule", "STALE_VERSION"));
    }

    /** A request whose event would be too large to publish answers 413 with the size; nothing was written. */
    @ServerExceptionMapper
    public Response tooLarge(EventTooLarge e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                e.getMessage() + "; send less",
                path(uri),
                List.of(new FieldError(
                        "body", "the event would be " + e.bytes() + " bytes, over " + e.maxBytes(), "event-size")),
                Map.of("eventBytes", e.bytes(), "maxEventBytes", e.maxBytes()));
    }

    private static String path(UriInfo uri) {
        return "/" + uri.getPath().replaceFirst("^/", "");
    }
}
