package io.lanes.eventstore;

import io.lanes.platform.problem.ProblemResponses;
import io.lanes.platform.problem.ProblemType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** A lost race to append answers 409, naming the rule, so a client reloads and tries again. */
public class ConcurrencyConflictMapper {

    @ServerExceptionMapper
    public Response conflict(ConcurrencyConflict e, UriInfo uri) {
        return ProblemResponses.of(
                ProblemType.CONFLICT,
                e.getMessage() + "; reload and retry",
                "/" + uri.getPath().replaceFirst("^/", ""),
                List.of(),
                Map.of("rule", "STALE_VERSION"));
    }
}
