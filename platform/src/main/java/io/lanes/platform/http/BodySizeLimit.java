package io.lanes.platform.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.lanes.platform.problem.FieldError;
import io.lanes.platform.problem.Problem;
import io.lanes.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A declared body over {@code quarkus.http.limits.max-body-size} is refused with problem+json naming
 * the sizes, before the body is read. Quarkus's own limit, one route later, answers a bare 413: it
 * still does for a chunked body, whose size nobody declares.
 */
@ApplicationScoped
public class BodySizeLimit {

    private final ObjectMapper json;
    private final Optional<MemorySize> limit;

    public BodySizeLimit(
            ObjectMapper json, @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        this.json = json;
        this.limit = limit;
    }

    void install(@Observes Router router) {
        limit.ifPresent(max -> router.route()
                .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(context -> refuseOver(context, max.asLongValue())));
    }

    private void refuseOver(RoutingContext context, long max) {
        long declared = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (declared <= max) {
            context.next();
            return;
        }
        Problem problem = new Problem(
                ProblemType.PAYLOAD_TOO_LARGE.uri(),
                ProblemType.PAYLOAD_TOO_LARGE.title(),
                ProblemType.PAYLOAD_TOO_LARGE.status(),
                "The body has " + declared + " bytes; this service takes at most " + max,
                context.request().path(),
                List.of(new FieldError("body", "at most " + max + " bytes", "body-size")),
                Map.of("bodyBytes", declared, "maxBodyBytes", max));
        try {
            context.response()
                    .setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    // The body stays unread: the connection cannot carry another request after it.
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** The Content-Length, or -1 when there is none or it is not a number (then the HTTP layer decides). */
    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
