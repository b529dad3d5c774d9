package io.lanes.matter.api;

import io.lanes.matter.config.MatterConfig;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.ProblemResponses;
import io.lanes.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Two body limits in one service: LEDES imports up to {@code lanes.matter.ledes.max-import-bytes},
 * JSON commands up to {@code lanes.matter.max-json-bytes} (the 256 KiB of every Lanes service). The
 * HTTP layer's own limit ({@code quarkus.http.limits.max-body-size}) sits above both, so a declared
 * length over either is answered here, before the body is read, with problem+json.
 */
public class RequestBodyLimits {

    private final int maxImportBytes;
    private final int maxJsonBytes;

    public RequestBodyLimits(MatterConfig config) {
        this.maxImportBytes = config.ledes().maxImportBytes();
        this.maxJsonBytes = config.maxJsonBytes();
    }

    @ServerRequestFilter(preMatching = true)
    public Optional<Response> limit(ContainerRequestContext request) {
        int limit = request.getUriInfo().getPath().startsWith("/time-imports") ? maxImportBytes : maxJsonBytes;
        long length = request.getLength();
        if (length <= limit) {
            return Optional.empty();
        }
        return Optional.of(ProblemResponses.of(
                ProblemType.PAYLOAD_TOO_LARGE,
                "The body has " + length + " bytes; this request takes at most " + limit,
                request.getUriInfo().getPath(),
                List.of(new FieldError("body", "at most " + limit + " bytes", "body-size")),
                Map.of("bodyBytes", length, "maxBodyBytes", limit)));
    }
}
